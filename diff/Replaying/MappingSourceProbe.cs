using Swiotlb.Trace.Capture;
using Swiotlb.Trace.Events;

namespace Swiotlb.Trace.Diff.Replaying;

/// <summary>A first, cheap pass: which mapping source the capture has, and the pool start a kprobe gives. Stops at the first
/// kernel answer from a return probe; map entry probes alone (no return probe the reader could place) do not make kprobes the source.</summary>
public static class MappingSourceProbe
{
    public static (MappingSourceKind Kind, ulong? PoolStart) Probe(ICaptureReader reader)
    {
        var best = MappingSourceKind.None;
        ulong? poolStart = null;
        var entrySeen = false;
        foreach (var traceEvent in reader.ReadEvents())
        {
            switch (traceEvent)
            {
                case SwiotlbMapEntry entry:
                    poolStart ??= entry.PoolStart;
                    entrySeen = true;
                    break;
                case SwiotlbMapReturn when entrySeen:
                    return (MappingSourceKind.Kprobes, poolStart);
                case DmaMapSingle or DmaMapSg:
                    best = Better(best, MappingSourceKind.DmaEvents);
                    break;
                case SwiotlbBounced:
                    best = Better(best, MappingSourceKind.BouncedEvents);
                    break;
                case BlockRqIssue:
                    best = Better(best, MappingSourceKind.BlockRequests);
                    break;
            }
        }
        return (best, poolStart);
    }

    /// <summary>The kinds are declared best first.</summary>
    private static MappingSourceKind Better(MappingSourceKind a, MappingSourceKind b) => a < b ? a : b;
}
