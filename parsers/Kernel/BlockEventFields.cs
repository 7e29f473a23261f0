using Swiotlb.Trace.Events;

namespace Swiotlb.Trace.Kernel;

/// <summary>
/// The fields of <c>block:block_rq_issue</c> and <c>block_rq_complete</c> (include/trace/events/block.h). The kernel prints them
/// by position, not by key: <c>MAJ,MIN RWBS BYTES (CMD) SECTOR + COUNT [IOPRIO] [COMM]</c> and
/// <c>MAJ,MIN RWBS (CMD) SECTOR + COUNT [IOPRIO] [ERROR]</c>; the ioprio column exists from 6.11.
/// </summary>
public static class BlockEventFields
{
    /// <summary><c>MINORBITS</c>: a <c>dev_t</c> is <c>major &lt;&lt; 20 | minor</c>.</summary>
    public const int MinorBits = 20;

    public static readonly EventField Device = new("dev", PrintedShape.Decimal);
    public static readonly EventField Rwbs = new("rwbs", PrintedShape.Text);
    public static readonly EventField Bytes = new("bytes", PrintedShape.Decimal);
    public static readonly EventField Sector = new("sector", PrintedShape.Decimal);
    public static readonly EventField SectorCount = new("nr_sector", PrintedShape.Decimal);
    public static readonly EventField IoPriority = new("ioprio", PrintedShape.Words, words: IoPriorityNames.Instance, optional: true);
    public static readonly EventField Command = new("comm", PrintedShape.Text);
    public static readonly EventField Error = new("error", PrintedShape.Decimal);

    public static IReadOnlyList<EventField> Issue { get; } = [Device, Rwbs, Bytes, Sector, SectorCount, IoPriority, Command];
    public static IReadOnlyList<EventField> Complete { get; } = [Device, Rwbs, Sector, SectorCount, IoPriority, Error];

    public static DeviceNumber DeviceOf(ulong devT) => new((int)(devT >> MinorBits), (int)(devT & ((1u << MinorBits) - 1)));

    public static ulong DevT(int major, int minor) => ((ulong)(uint)major << MinorBits) | (uint)minor;
}
