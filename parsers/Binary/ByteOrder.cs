using System.Buffers.Binary;

namespace Swiotlb.Trace.Binary;

/// <summary>Reads a file's integers in its byte order, which the file declares (trace.dat) or its magic reveals (blktrace).</summary>
internal readonly record struct ByteOrder(bool IsBigEndian)
{
    public ushort UInt16(ReadOnlySpan<byte> bytes) =>
        IsBigEndian ? BinaryPrimitives.ReadUInt16BigEndian(bytes) : BinaryPrimitives.ReadUInt16LittleEndian(bytes);

    public uint UInt32(ReadOnlySpan<byte> bytes) =>
        IsBigEndian ? BinaryPrimitives.ReadUInt32BigEndian(bytes) : BinaryPrimitives.ReadUInt32LittleEndian(bytes);

    public ulong UInt64(ReadOnlySpan<byte> bytes) =>
        IsBigEndian ? BinaryPrimitives.ReadUInt64BigEndian(bytes) : BinaryPrimitives.ReadUInt64LittleEndian(bytes);

    /// <summary>An unsigned integer of 1, 2, 4 or 8 bytes.</summary>
    public ulong Unsigned(ReadOnlySpan<byte> bytes, int size) => size switch
    {
        1 => bytes[0],
        2 => UInt16(bytes),
        4 => UInt32(bytes),
        8 => UInt64(bytes),
        _ => throw new ArgumentOutOfRangeException(nameof(size), size, "integer fields are 1, 2, 4 or 8 bytes"),
    };

    /// <summary>A signed integer of 1, 2, 4 or 8 bytes, sign-extended.</summary>
    public long Signed(ReadOnlySpan<byte> bytes, int size) => size switch
    {
        1 => (sbyte)bytes[0],
        2 => (short)UInt16(bytes),
        4 => (int)UInt32(bytes),
        8 => (long)UInt64(bytes),
        _ => throw new ArgumentOutOfRangeException(nameof(size), size, "integer fields are 1, 2, 4 or 8 bytes"),
    };
}
