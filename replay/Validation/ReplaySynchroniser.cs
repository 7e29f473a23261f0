using Swiotlb.Trace.Replay.Allocator;

namespace Swiotlb.Trace.Replay.Validation;

/// <summary>Replays a capture's paired records through a model the way a real capture needs (DOMAIN §3): each area
/// adopts its first mapping; every later mapping is predicted before the kernel's answer is applied, so one error
/// cannot cascade; slots the kernel reuses prove lost unmaps; events whose time windows overlap are tried in every
/// order the windows allow before a mismatch is reported.</summary>
/// <remarks>Memory is bounded: records stream through a reorder buffer of <paramref name="reorderWindow"/> records
/// (the pairer hands them on in completion order, not by window start), and buffers unmapped before any map showed
/// them are looked for in the first window only, which holds the start of the capture.</remarks>
public sealed class ReplaySynchroniser(IAllocatorModel model, int maxOrdersPerGroup = 5040, int reorderWindow = ReplaySynchroniser.DefaultReorderWindow)
{
    /// <summary>Records held to put them in window order: far more than the pairer ever holds back.</summary>
    public const int DefaultReorderWindow = 1 << 16;

    /// <summary>Replays <paramref name="records"/> (any order within the reorder window; replayed by window start, then
    /// sequence), reading them lazily.</summary>
    public ValidationReport Run(IEnumerable<ReplayRecord> records)
    {
        var state = new ReplayState(model.Clone());
        var tally = new ReplayTally(model.Generation.Name);
        var ordered = new WindowOrder(records, reorderWindow);
        tally.PreexistingMappings = PreexistingMappings.Reserve(state, ordered.FirstWindow());
        foreach (List<ReplayRecord> group in OverlappingGroups(ordered.Records()))
        {
            (state, IReadOnlyList<RecordOutcome> outcomes, bool reordered) = ReplayGroup(state, group);
            tally.Add(outcomes, reordered);
        }
        return tally.ToReport();
    }

    /// <summary>Runs of records chained by overlapping windows; a record whose window starts after every earlier
    /// window ended starts a new group.</summary>
    private static IEnumerable<List<ReplayRecord>> OverlappingGroups(IEnumerable<ReplayRecord> ordered)
    {
        var group = new List<ReplayRecord>();
        long groupEnd = long.MinValue;
        foreach (ReplayRecord record in ordered)
        {
            if (group.Count > 0 && record.Window.Start > groupEnd)
            {
                yield return group;
                group = [];
            }
            group.Add(record);
            groupEnd = Math.Max(groupEnd, record.Window.End);
        }
        if (group.Count > 0)
            yield return group;
    }

    private (ReplayState State, IReadOnlyList<RecordOutcome> Outcomes, bool Reordered) ReplayGroup(ReplayState state, List<ReplayRecord> group)
    {
        if (group.Count == 1)
            return (state, [RecordReplayer.Replay(state, group[0])], false);

        ReplayState before = state.Clone();
        IReadOnlyList<RecordOutcome> best = ReplayInOrder(state, group);
        int bestMismatches = Mismatches(best);
        ReplayState bestState = state;
        bool reordered = false;
        foreach (ReplayRecord[] order in EventOrders.Allowed(group).Skip(1).Take(maxOrdersPerGroup))
        {
            if (bestMismatches == 0)
                break;
            ReplayState trial = before.Clone();
            IReadOnlyList<RecordOutcome> outcomes = ReplayInOrder(trial, order);
            int mismatches = Mismatches(outcomes);
            if (mismatches < bestMismatches)
                (best, bestMismatches, bestState, reordered) = (outcomes, mismatches, trial, true);
        }
        return (bestState, best, reordered);
    }

    private static List<RecordOutcome> ReplayInOrder(ReplayState state, IReadOnlyList<ReplayRecord> order)
    {
        var outcomes = new List<RecordOutcome>(order.Count);
        foreach (ReplayRecord record in order)
            outcomes.Add(RecordReplayer.Replay(state, record));
        return outcomes;
    }

    /// <summary>Mismatches, then reliance on recovered unmaps, as one score: an order that needs no recovery is likelier.</summary>
    private static int Mismatches(IReadOnlyList<RecordOutcome> outcomes) =>
        outcomes.Sum(o => o.Verdict switch
        {
            RecordVerdict.Mismatched => 1 << 16,
            RecordVerdict.MatchedAfterRecovery => 1,
            _ => 0,
        });
}
