using Swiotlb.Trace.Replay.Allocator;

namespace Swiotlb.Trace.Replay.Records;

/// <summary>When an event may have taken effect: a map anywhere between its entry and its return, an unmap anywhere
/// between its probe and the next event on its CPU. Timestamps in the capture's clock units.</summary>
/// <remarks>Always ordered: given an end before its start (a return timestamped before its entry in a damaged capture),
/// the window spans the two, so no order search can meet a window that ends before it begins.</remarks>
public readonly record struct TimeWindow
{
    public TimeWindow(long start, long end)
    {
        Start = Math.Min(start, end);
        End = Math.Max(start, end);
    }

    public long Start { get; }
    public long End { get; }

    public void Deconstruct(out long start, out long end) => (start, end) = (Start, End);

    public static TimeWindow At(long timestamp) => new(timestamp, timestamp);

    /// <summary>True when this window ends before <paramref name="other"/> begins: no reordering can swap them.</summary>
    public bool IsBefore(TimeWindow other) => End < other.Start;
}

/// <summary>One paired event of a capture, in the order the synchroniser replays.</summary>
/// <param name="Sequence">Position in the capture (for reports and stable ordering).</param>
/// <param name="DeviceName">The device the mapping belongs to (<c>0000:00:04.0</c>), for per-device tallies.</param>
public abstract record ReplayRecord(int Sequence, TimeWindow Window, string DeviceName);

public enum ObservedKind
{
    /// <summary>The kernel returned a bounce address.</summary>
    Mapped,

    /// <summary>The kernel returned <c>DMA_MAPPING_ERROR</c>.</summary>
    Failed,

    /// <summary>The capture ends inside the call: the kernel never returned (a hang, or a truncated trace).</summary>
    NeverReturned,

    /// <summary>The capture shows the request but not the kernel's answer (<c>swiotlb_bounced</c> without kprobes or <c>dma:*</c>).</summary>
    NotCaptured,
}

/// <summary>What the capture shows the kernel answered.</summary>
public readonly record struct ObservedMap(ObservedKind Kind, ulong BounceAddress)
{
    public static ObservedMap At(ulong bounceAddress) => new(ObservedKind.Mapped, bounceAddress);

    public static readonly ObservedMap Failure = new(ObservedKind.Failed, 0);

    public static readonly ObservedMap NoReturn = new(ObservedKind.NeverReturned, 0);

    public static readonly ObservedMap Unknown = new(ObservedKind.NotCaptured, 0);
}

/// <summary>Which events showed a mapping.</summary>
public enum MapEvidence
{
    /// <summary>Kprobes on <c>swiotlb_tbl_map_single</c>: the request and the kernel's answer.</summary>
    Kprobe,
    /// <summary><c>dma:dma_map_page</c> / <c>dma_map_sg</c> (6.12+): the original and the bounce address.</summary>
    DmaEvent,
    /// <summary><c>swiotlb:swiotlb_bounced</c> only: the request, not the answer.</summary>
    BouncedEvent,
    /// <summary>A block request alone (<c>block_rq_issue</c>, blktrace D): size and time known, addresses assumed.</summary>
    BlockRequest,
}

/// <summary>A map request with the kernel's observed answer.</summary>
public sealed record MapRecord(int Sequence, TimeWindow Window, string DeviceName, MapRequest Request, ObservedMap Observed)
    : ReplayRecord(Sequence, Window, DeviceName)
{
    public MapEvidence Evidence { get; init; } = MapEvidence.Kprobe;

    /// <summary>This mapping's release, shown at <paramref name="timeNs"/> by <paramref name="evidence"/>, when the
    /// kernel's bounce address is not known.</summary>
    public UnmapRecord ReleasedAt(int sequence, long timeNs, UnmapEvidence evidence) =>
        new(sequence, TimeWindow.At(timeNs), DeviceName, UnmapRequest.Releasing(Request, 0), evidence) { MappingSequence = Sequence };
}

/// <summary>How the pairing knows a buffer was released.</summary>
public enum UnmapEvidence
{
    /// <summary>The unmap probe itself.</summary>
    Probe,

    /// <summary>A later event proved a lost unmap probe (<c>dma_unmap_*</c>, the command's completion).</summary>
    Recovered,

    /// <summary>No unmap events: released at the completion of the NVMe command the mapping carried (<c>nvme_complete_rq</c>).</summary>
    CommandCompletion,

    /// <summary>No unmap events: released at the completion of the block request it carried (<c>block_rq_complete</c>).</summary>
    BlockCompletion,

    /// <summary>Nothing shows the release: assumed released right after the mapping, stated in every report.</summary>
    Assumed,
}

/// <summary>A release of a bounce buffer.</summary>
public sealed record UnmapRecord(int Sequence, TimeWindow Window, string DeviceName, UnmapRequest Request, UnmapEvidence Evidence)
    : ReplayRecord(Sequence, Window, DeviceName)
{
    /// <summary>The <see cref="ReplayRecord.Sequence"/> of the map record it releases, when the pairing knows it.</summary>
    public int? MappingSequence { get; init; }

    /// <summary>The CPU whose event showed the release; null for a release recovered from later events.</summary>
    public int? Cpu { get; init; }
}
