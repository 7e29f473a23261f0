using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using Swiotlb.Trace.Binary;
using Swiotlb.Trace.TraceDat.Formats;

namespace Swiotlb.Trace.TraceDat.Decoding;

/// <summary>Reads a field's value out of a record, as its format entry describes it.</summary>
internal static class FieldValues
{
    public static ulong Unsigned(this FieldFormat field, ReadOnlySpan<byte> record, ByteOrder order) =>
        order.Unsigned(Scalar(field, record), field.Size);

    /// <summary>The value sign-extended when the format says <c>signed:1</c>.</summary>
    public static long Integer(this FieldFormat field, ReadOnlySpan<byte> record, ByteOrder order) =>
        field.IsSigned ? order.Signed(Scalar(field, record), field.Size) : (long)order.Unsigned(Scalar(field, record), field.Size);

    /// <summary>The field's data: a fixed array in place, or what a <c>__data_loc</c>/<c>__rel_loc</c> locator points to.</summary>
    public static ReadOnlySpan<byte> Bytes(this FieldFormat field, ReadOnlySpan<byte> record, ByteOrder order)
    {
        var inline = Slice(record, field.Offset, field.Size, field.Name);
        if (field.Location == FieldLocation.Inline)
        {
            return inline;
        }

        var locator = order.UInt32(inline);
        var offset = (int)(locator & 0xffff);
        var length = (int)(locator >> 16);
        var start = field.Location == FieldLocation.RelLoc ? field.Offset + field.Size + offset : offset;
        return Slice(record, start, length, field.Name);
    }

    /// <summary>A <c>char</c> array up to its first NUL.</summary>
    public static string Text(this FieldFormat field, ReadOnlySpan<byte> record, ByteOrder order)
    {
        var bytes = field.Bytes(record, order);
        var nul = bytes.IndexOf((byte)0);
        return RecentTexts.Of(nul < 0 ? bytes : bytes[..nul]);
    }

    /// <summary>An array of unsigned integers of the field's element size.</summary>
    public static ImmutableArray<ulong> UnsignedArray(this FieldFormat field, ReadOnlySpan<byte> record, ByteOrder order)
    {
        var bytes = field.Bytes(record, order);
        var size = field.ElementSize;
        if (size is not (1 or 2 or 4 or 8))
        {
            throw new RecordFormatException($"array field {field.Name} has {size}-byte elements, not an integer size");
        }

        var values = ImmutableArray.CreateBuilder<ulong>(bytes.Length / size);
        for (var at = 0; at + size <= bytes.Length; at += size)
        {
            values.Add(order.Unsigned(bytes[at..], size));
        }

        return values.MoveToImmutable();
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ReadOnlySpan<byte> Scalar(FieldFormat field, ReadOnlySpan<byte> record) =>
        field.Size is 1 or 2 or 4 or 8 ? Slice(record, field.Offset, field.Size, field.Name) : NotAnInteger(field);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ReadOnlySpan<byte> Slice(ReadOnlySpan<byte> record, int offset, int length, string name) =>
        offset >= 0 && length >= 0 && (long)offset + length <= record.Length ? record.Slice(offset, length) : Outside(record, offset, length, name);

    /// <summary>The throws out of line, so that the reads above inline.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static ReadOnlySpan<byte> NotAnInteger(FieldFormat field) =>
        throw new RecordFormatException($"field {field.Name} of {field.Size} bytes is not an integer");

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static ReadOnlySpan<byte> Outside(ReadOnlySpan<byte> record, int offset, int length, string name) =>
        throw new RecordFormatException($"field {name} at bytes {offset}..{offset + length} lies outside the {record.Length}-byte record");
}
