using System.Buffers.Binary;
using Swiotlb.Trace.Binary;

namespace Swiotlb.Trace.Blktrace;

/// <summary>The fixed 48 bytes of <c>struct blk_io_trace</c> (linux/blktrace_api.h), decoded in the file's byte order.</summary>
internal readonly record struct BlktraceHeader(
    uint Magic,
    uint Sequence,
    ulong TimeNs,
    ulong Sector,
    uint Bytes,
    uint Action,
    uint Pid,
    uint Device,
    uint Cpu,
    ushort Error,
    ushort PduLength)
{
    public const int Size = 48;

    /// <summary><c>BLK_IO_TRACE_MAGIC</c>: the upper 24 bits of <c>magic</c>; the low byte is the version.</summary>
    public const uint MagicValue = 0x65617400;
    public const uint MagicMask = 0xffffff00;

    /// <summary><c>BLK_IO_TRACE_VERSION</c>, the only layout this reader reads (blkparse's <c>SUPPORTED_VERSION</c>).</summary>
    public const byte SupportedVersion = 0x07;

    public byte Version => (byte)Magic;

    public bool HasMagic => (Magic & MagicMask) == MagicValue;

    /// <summary>The byte order whose reading of the first four bytes gives the magic, or null when neither does.</summary>
    public static ByteOrder? DetectByteOrder(ReadOnlySpan<byte> header)
    {
        if ((BinaryPrimitives.ReadUInt32LittleEndian(header) & MagicMask) == MagicValue)
            return new ByteOrder(IsBigEndian: false);
        if ((BinaryPrimitives.ReadUInt32BigEndian(header) & MagicMask) == MagicValue)
            return new ByteOrder(IsBigEndian: true);
        return null;
    }

    public static BlktraceHeader Decode(ReadOnlySpan<byte> header, ByteOrder order) => new(
        Magic: order.UInt32(header),
        Sequence: order.UInt32(header[4..]),
        TimeNs: order.UInt64(header[8..]),
        Sector: order.UInt64(header[16..]),
        Bytes: order.UInt32(header[24..]),
        Action: order.UInt32(header[28..]),
        Pid: order.UInt32(header[32..]),
        Device: order.UInt32(header[36..]),
        Cpu: order.UInt32(header[40..]),
        Error: order.UInt16(header[44..]),
        PduLength: order.UInt16(header[46..]));
}
