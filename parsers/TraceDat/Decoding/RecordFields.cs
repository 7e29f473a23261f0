using System.Collections.Immutable;
using Swiotlb.Trace.Binary;
using Swiotlb.Trace.Kernel;
using Swiotlb.Trace.TraceDat.Formats;

namespace Swiotlb.Trace.TraceDat.Decoding;

/// <summary>The fields of one ring-buffer record, located by the event's format (bound once per format, indexed by <see cref="EventField.Index"/>).</summary>
internal readonly ref struct RecordFields(ReadOnlySpan<byte> record, ByteOrder order, FieldFormat?[] bound) : IEventFields
{
    private readonly ReadOnlySpan<byte> _record = record;

    /// <summary>Each field's format entry by <see cref="EventField.Index"/>; null when no field of <paramref name="fields"/> is missing but optional ones.</summary>
    public static FieldFormat?[]? Bind(EventFormat format, IReadOnlyList<EventField> fields)
    {
        var bound = new FieldFormat?[fields.Max(f => f.Index) + 1];
        foreach (var field in fields)
        {
            var located = format.Field(field.Name) ?? (field.OlderName is null ? null : format.Field(field.OlderName));
            if (located is null && !field.IsOptional)
                return null;
            bound[field.Index] = located;
        }
        return bound;
    }

    public string String(EventField field) => Located(field).Text(_record, order);

    public ulong Unsigned(EventField field) => Located(field).Unsigned(_record, order);

    public long Signed(EventField field) => Located(field).Integer(_record, order);

    public bool IsSet(EventField field) => bound[field.Index] is { } located && located.Unsigned(_record, order) != 0;

    public ImmutableArray<ulong> Array(EventField field) => Located(field).UnsignedArray(_record, order);

    public string FlagNames(EventField field)
    {
        var bits = Located(field).Unsigned(_record, order);
        return field.Flags?.Describe(bits) ?? $"0x{bits:x}";
    }

    private FieldFormat Located(EventField field) =>
        bound[field.Index] ?? throw new RecordFormatException($"the format has no field {field.Name}");
}
