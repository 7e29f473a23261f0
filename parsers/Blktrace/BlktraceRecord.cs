using System.Buffers.Binary;
using System.Collections.Immutable;
using Swiotlb.Trace.Capture;
using Swiotlb.Trace.Events;

namespace Swiotlb.Trace.Blktrace;

/// <summary>One <c>struct blk_io_trace</c> with its pdu, fields in host order.</summary>
/// <param name="TimeNs">The kernel's trace clock (<c>ktime_get</c>, monotonic) in nanoseconds; blkparse prints it minus the first record's time.</param>
/// <param name="Error">The completion error as stored: a negative errno truncated to 16 bits (see <see cref="Errno"/>).</param>
/// <param name="CgroupId">The cgroup id the kernel put first in the pdu when the action's cgroup flag is set.</param>
/// <param name="Pdu">The pdu after the cgroup id, in the file's order: a remap, an unplug depth or split sector (be64), a CDB, a name or a message.</param>
/// <param name="Position">The CPU file and offset of the record's header.</param>
public sealed record BlktraceRecord(
    DeviceNumber Device,
    int Cpu,
    uint Sequence,
    ulong TimeNs,
    ulong Sector,
    uint Bytes,
    BlktraceAction Action,
    int Pid,
    ushort Error,
    ulong? CgroupId,
    ImmutableArray<byte> Pdu,
    CapturePosition Position)
{
    private const int SectorShift = 9;

    /// <summary>The task name blkparse shows for <see cref="Pid"/>: the first process note for that pid it had read. Null when none (blkparse prints "(null)").</summary>
    public string? ProcessName { get; init; }

    /// <summary>blkparse's action letters, null for records it prints no line for.</summary>
    public string? ActionLetters => BlkparseNotation.ActionLetters(Action);

    /// <summary>blkparse's RWBS column.</summary>
    public string Rwbs => BlkparseNotation.Rwbs(Action, Bytes);

    /// <summary>Sectors moved, as blkparse prints after <c>+</c>.</summary>
    public uint SectorCount => Bytes >> SectorShift;

    /// <summary>The error as a (negative) errno.</summary>
    public int Errno => (short)Error;

    /// <summary>The remap pdu of an <c>A</c> record.</summary>
    public BlktraceRemap? Remap => Action.ActionCode == BlktraceActionCode.Remap && Pdu.Length >= BlktraceRemap.Size
        ? BlktraceRemap.Decode(Pdu.AsSpan())
        : null;

    /// <summary>The big-endian u64 pdu of unplug (queue depth) and split (new sector) records, as blkparse prints it.</summary>
    public ulong? PduValue => Action.ActionCode is BlktraceActionCode.UnplugIo or BlktraceActionCode.UnplugTimer or BlktraceActionCode.Split
        && Pdu.Length >= sizeof(ulong)
        ? BinaryPrimitives.ReadUInt64BigEndian(Pdu.AsSpan())
        : null;

    /// <summary>The text of a message record, up to its first NUL.</summary>
    public string? Message => Action.NotifyCode == BlktraceNotifyCode.Message ? NulTerminated.Decode(Pdu.AsSpan()) : null;
}
