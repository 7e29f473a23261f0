using System.Buffers.Binary;
using Swiotlb.Trace.Events;

namespace Swiotlb.Trace.Blktrace;

/// <summary>The pdu of a remap record (<c>struct blk_io_trace_remap</c>, big-endian whatever the file's byte order).</summary>
/// <param name="DeviceFrom">The device the bio came from.</param>
/// <param name="DeviceTo">The device it went to (blkparse prints this one in the record's device column).</param>
/// <param name="SectorFrom">The sector on <paramref name="DeviceFrom"/>.</param>
public readonly record struct BlktraceRemap(DeviceNumber DeviceFrom, DeviceNumber DeviceTo, ulong SectorFrom)
{
    public const int Size = 16;

    public static BlktraceRemap Decode(ReadOnlySpan<byte> pdu) => new(
        BlktraceDevice.Decode(BinaryPrimitives.ReadUInt32BigEndian(pdu)),
        BlktraceDevice.Decode(BinaryPrimitives.ReadUInt32BigEndian(pdu[4..])),
        BinaryPrimitives.ReadUInt64BigEndian(pdu[8..]));
}
