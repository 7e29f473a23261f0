namespace Swiotlb.Trace.Cli.Export.Columns;

/// <summary>A CSV on the Web (W3C CSVW) datatype: a built-in name such as <c>long</c> or <c>datetime</c>, and, for text
/// with a shape of its own, the regular expression its values match.</summary>
public sealed record CsvwDatatype(string Base, string? Format = null)
{
    public static readonly CsvwDatatype Text = new("string");
    public static readonly CsvwDatatype Timestamp = new("datetime");
    public static readonly CsvwDatatype Hex = new("string", "^0x[0-9a-f]+$");

    /// <summary>The datatype of a column of <typeparamref name="T"/> values written as numbers or booleans.</summary>
    public static CsvwDatatype Of<T>() where T : struct => default(T) switch
    {
        bool => new("boolean"),
        int => new("int"),
        long => new("long"),
        uint => new("unsignedInt"),
        ulong => new("unsignedLong"),
        var other => throw new NotSupportedException($"no CSVW datatype for {other.GetType().Name}"),
    };
}
