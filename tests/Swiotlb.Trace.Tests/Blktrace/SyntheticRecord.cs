using System.Buffers.Binary;

namespace Swiotlb.Trace.Tests.Blktrace;

/// <summary>Writes one little-endian version-7 <c>struct blk_io_trace</c> and its pdu, for cases the real captures lack.</summary>
internal static class SyntheticRecord
{
    public static byte[] Bytes(uint action, uint cpu = 0, uint sequence = 1, ulong time = 1000, ulong sector = 0, uint bytes = 0,
        uint pid = 7, uint device = (259u << 20) | 1, ushort error = 0, byte[]? pdu = null)
    {
        pdu ??= [];
        var record = new byte[48 + pdu.Length];
        var span = record.AsSpan();
        BinaryPrimitives.WriteUInt32LittleEndian(span, 0x65617407);
        BinaryPrimitives.WriteUInt32LittleEndian(span[4..], sequence);
        BinaryPrimitives.WriteUInt64LittleEndian(span[8..], time);
        BinaryPrimitives.WriteUInt64LittleEndian(span[16..], sector);
        BinaryPrimitives.WriteUInt32LittleEndian(span[24..], bytes);
        BinaryPrimitives.WriteUInt32LittleEndian(span[28..], action);
        BinaryPrimitives.WriteUInt32LittleEndian(span[32..], pid);
        BinaryPrimitives.WriteUInt32LittleEndian(span[36..], device);
        BinaryPrimitives.WriteUInt32LittleEndian(span[40..], cpu);
        BinaryPrimitives.WriteUInt16LittleEndian(span[44..], error);
        BinaryPrimitives.WriteUInt16LittleEndian(span[46..], (ushort)pdu.Length);
        pdu.CopyTo(span[48..]);
        return record;
    }

    public static uint Action(int code, params int[] categoryBits) => (uint)code | (uint)categoryBits.Sum(bit => 1 << bit) << 16;
}
