using System.Text.RegularExpressions;

namespace Swiotlb.Trace.Tests.Support;

/// <summary>
/// The events of a capture that are rightly read as generic: no typed event exists for them, and none is needed. Anything else that
/// reads as generic is a reader gap.
/// </summary>
public static partial class ExpectedGenericEvents
{
    /// <summary>
    /// Kernel events the readers deliberately leave generic, in every capture:
    /// <c>dma_alloc</c> (6.12+: a coherent allocation, nothing is bounced) and <c>block_rq_error</c> (the block layer's
    /// failed-request tracepoint, in the lab captures whose requests failed; the request's <c>block_rq_complete</c> carries the
    /// same error, which is what the replay reads).
    /// </summary>
    private static readonly HashSet<string> KernelEvents = ["dma_alloc", "block_rq_error"];

    /// <summary>The functions whose probes are swiotlb's map and unmap (DOMAIN.md §4): probes on these must be typed.</summary>
    private static readonly HashSet<string> SwiotlbFunctions = ["swiotlb_tbl_map_single", "swiotlb_tbl_unmap_single", "__swiotlb_tbl_unmap_single"];

    /// <summary>
    /// Whether <paramref name="eventName"/> is rightly generic in <paramref name="folder"/>: one of <see cref="KernelEvents"/>, or a
    /// probe that the folder's own <c>kprobe_events.txt</c> defines on a function other than swiotlb's map and unmap. In the lab
    /// captures those are <c>nvq</c>/<c>nvqret</c> on <c>nvme_queue_rq</c> (whether the driver refused a request), and on 7.3.4
    /// <c>swmapret</c> on <c>swiotlb_map+104</c>: a read of <c>%ax</c> in the middle of the caller, which captures/README.md calls a
    /// lab device no reader should depend on (7.3.4's bounce addresses are in its <c>dma_map_phys</c> events).
    /// </summary>
    public static bool IsExpected(string folder, string eventName) =>
        KernelEvents.Contains(eventName) || LabProbesOffSwiotlb(folder).Contains(eventName);

    /// <summary>The probes of a folder's <c>kprobe_events.txt</c> (none if it has none) placed on a function other than swiotlb's map and unmap.</summary>
    public static IReadOnlySet<string> LabProbesOffSwiotlb(string folder)
    {
        var path = Samples.Capture(Path.Combine(folder, "kprobe_events.txt"));
        if (!File.Exists(path))
            return new HashSet<string>();
        return File.ReadLines(path)
            .Select(line => ProbeDefinition().Match(line))
            .Where(match => match.Success && !SwiotlbFunctions.Contains(match.Groups["function"].Value))
            .Select(match => match.Groups["name"].Value)
            .ToHashSet();
    }

    /// <summary><c>p:kprobes/nvq nvme:nvme_queue_rq+9 …</c>, <c>r10:kprobes/nvqret nvme:nvme_queue_rq …</c>, <c>f:fprobes/swunmap __swiotlb_tbl_unmap_single …</c>.</summary>
    [GeneratedRegex(@"^[prf]\d*:(?:[^/\s]+/)?(?<name>\S+)\s+(?:[^:\s]+:)?(?<function>[^+\s]+)")]
    private static partial Regex ProbeDefinition();
}
