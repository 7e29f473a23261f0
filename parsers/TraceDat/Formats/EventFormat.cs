namespace Swiotlb.Trace.TraceDat.Formats;

/// <summary>An event's format file, parsed: its id, names and field table.</summary>
/// <param name="CommonFields">The <c>common_*</c> fields every event starts with.</param>
/// <param name="Fields">The event's own fields, in format order.</param>
internal sealed class EventFormat(int id, string system, string name, IReadOnlyList<FieldFormat> commonFields, IReadOnlyList<FieldFormat> fields)
{
    private readonly Dictionary<string, FieldFormat> _byName =
        commonFields.Concat(fields).GroupBy(f => f.Name, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);

    public int Id { get; } = id;
    public string System { get; } = system;
    public string Name { get; } = name;
    public IReadOnlyList<FieldFormat> CommonFields { get; } = commonFields;
    public IReadOnlyList<FieldFormat> Fields { get; } = fields;

    public FieldFormat? Field(string fieldName) => _byName.GetValueOrDefault(fieldName);
}
