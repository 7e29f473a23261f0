using Swiotlb.Trace.Capture;
using Swiotlb.Trace.Events;

namespace Swiotlb.Trace.Diff.Replaying;

/// <summary>A first, cheap look: which mapping source the capture has, and the pool start a kprobe gives. Decided at the
/// first kernel answer from a return probe; map entry probes alone (no return probe the reader could place) do not make
/// kprobes the source. Fed event by event, so that another pass can look at the same time.</summary>
public sealed class MappingSourceProbe
{
    private MappingSourceKind _best = MappingSourceKind.None;
    private bool _entrySeen;

    public ulong? PoolStart { get; private set; }

    /// <summary>True once an answer from a return probe made kprobes the source: later events change nothing.</summary>
    public bool Decided { get; private set; }

    public MappingSourceKind Kind => Decided ? MappingSourceKind.Kprobes : _best;

    /// <summary>Reads <paramref name="reader"/> until the source is decided, or to its end.</summary>
    public static (MappingSourceKind Kind, ulong? PoolStart) Probe(ICaptureReader reader)
    {
        var probe = new MappingSourceProbe();
        foreach (var traceEvent in reader.ReadEvents())
        {
            probe.Feed(traceEvent);
            if (probe.Decided)
                break;
        }
        return (probe.Kind, probe.PoolStart);
    }

    public void Feed(TraceEvent traceEvent)
    {
        if (Decided)
            return;
        switch (traceEvent)
        {
            case SwiotlbMapEntry entry:
                PoolStart ??= entry.PoolStart;
                _entrySeen = true;
                break;
            case SwiotlbMapReturn when _entrySeen:
                Decided = true;
                break;
            case DmaMapSingle or DmaMapSg:
                _best = Better(_best, MappingSourceKind.DmaEvents);
                break;
            case SwiotlbBounced:
                _best = Better(_best, MappingSourceKind.BouncedEvents);
                break;
            case BlockRqIssue:
                _best = Better(_best, MappingSourceKind.BlockRequests);
                break;
        }
    }

    /// <summary>The kinds are declared best first.</summary>
    private static MappingSourceKind Better(MappingSourceKind a, MappingSourceKind b) => a < b ? a : b;
}
