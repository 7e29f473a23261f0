using System.Collections.Immutable;
using System.Diagnostics.CodeAnalysis;
using System.Runtime.CompilerServices;
using Swiotlb.Trace.Binary;
using Swiotlb.Trace.Events;
using Swiotlb.Trace.Kernel;
using Swiotlb.Trace.TraceDat.Formats;

namespace Swiotlb.Trace.TraceDat.Decoding;

/// <summary>The fields of one ring-buffer record, located by the event's format (bound once per format, indexed by <see cref="EventField.Index"/>).</summary>
internal readonly ref struct RecordFields(ReadOnlySpan<byte> record, ByteOrder order, FieldFormat?[] bound) : IEventFields
{
    private readonly ReadOnlySpan<byte> _record = record;

    /// <summary>A decoder for records of <paramref name="format"/> through <paramref name="decode"/>; null when the format lacks one
    /// of <paramref name="fields"/> that is not optional.</summary>
    public static RecordDecoder? Decoder(EventFormat format, ByteOrder order, IReadOnlyList<EventField> fields, FieldDecoder<RecordFields> decode) =>
        Bind(format, fields) is { } bound ? Decoder(order, bound, decode) : null;

    /// <summary>A decoder for records whose fields are already located.</summary>
    public static RecordDecoder Decoder(ByteOrder order, FieldFormat?[] bound, FieldDecoder<RecordFields> decode) =>
        (header, record) =>
        {
            var fields = new RecordFields(record, order, bound);
            return decode(header, ref fields);
        };

    /// <summary>Each field's format entry by <see cref="EventField.Index"/>; null when a field of <paramref name="fields"/> that is not optional is missing.</summary>
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

    /// <summary><paramref name="field"/> found at <paramref name="located"/>, a format entry of another name.</summary>
    public static FieldFormat?[] BindAs(EventField field, FieldFormat located)
    {
        var bound = new FieldFormat?[field.Index + 1];
        bound[field.Index] = located;
        return bound;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public string String(EventField field) => Located(field).Text(_record, order);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool TryString(EventField field, [NotNullWhen(true)] out string? value)
    {
        value = Optional(field)?.Text(_record, order);
        return value is not null;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public ulong Unsigned(EventField field) => Located(field).Unsigned(_record, order);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool TryUnsigned(EventField field, out ulong value)
    {
        var located = Optional(field);
        value = located is null ? 0 : located.Unsigned(_record, order);
        return located is not null;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public long Signed(EventField field) => Located(field).Integer(_record, order);

    public bool IsSet(EventField field) => Optional(field) is { } located && located.Unsigned(_record, order) != 0;

    public ImmutableArray<ulong> Array(EventField field) => Located(field).UnsignedArray(_record, order);

    public int Bytes(EventField field, scoped Span<byte> destination)
    {
        var bytes = Located(field).Bytes(_record, order);
        var count = Math.Min(bytes.Length, destination.Length);
        bytes[..count].CopyTo(destination);
        return count;
    }

    public string? Words(EventField field)
    {
        if (Optional(field) is not { } located)
            return null;
        var bits = located.Unsigned(_record, order);
        return field.Words?.Describe(bits) ?? $"0x{bits:x}";
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private FieldFormat? Optional(EventField field) => field.Index < bound.Length ? bound[field.Index] : null;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private FieldFormat Located(EventField field) => Optional(field) ?? Missing(field);

    /// <summary>Out of line, so that the field reads inline.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static FieldFormat Missing(EventField field) => throw new RecordFormatException($"the format has no field {field.Name}");
}
