using Swiotlb.Trace.Replay.Allocator;
using Swiotlb.Trace.Replay.Pool;
using Swiotlb.Trace.Replay.Records;

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

    /// <summary>Receives the reconstructed pool's changes in their final order (the pool analysis of the kernel's own answers).</summary>
    public IPoolChangeSink? Changes { get; init; }

    /// <summary>Receives every record's verdict once its group's order is final.</summary>
    public Action<RecordOutcome>? Judged { get; init; }

    /// <summary>Whether groups left with mismatches are also merged lane by lane (<see cref="LaneMerge"/>); scoring
    /// candidate geometries skips it, as the few orders tried suffice to rank them.</summary>
    public bool MergesLanes { get; init; } = true;

    /// <summary>Stop once more mappings than this mismatch (a candidate being scored has then lost): the report then
    /// covers the records up to there.</summary>
    public int MismatchLimit { get; init; } = int.MaxValue;

    /// <summary>The orders another model's replay of the same records chose, where it reordered a group: record sequence
    /// → rank (see <see cref="Reordered"/>). Given, no order is searched: a group with ranked records is replayed in their
    /// order, any other in its timestamps' order. The capture kernel's own model finds the order the events happened
    /// in; another model replays them in that order, since no order of its own explains answers it would not have given.</summary>
    public IReadOnlyDictionary<int, int>? ReferenceOrder { get; init; }

    /// <summary>Receives each group replayed in another order than its timestamps', in the order kept.</summary>
    public Action<IReadOnlyList<ReplayRecord>>? Reordered { get; init; }

    /// <summary>Replays <paramref name="records"/> (any order within the reorder window; replayed by window start, then
    /// sequence), reading them lazily.</summary>
    public ValidationReport Run(IEnumerable<ReplayRecord> records)
    {
        var state = new ReplayState(model.Clone());
        var tally = new ReplayTally(model.Generation.Name);
        var ordered = new WindowOrder(records, reorderWindow);
        tally.PreexistingMappings = PreexistingMappings.Reserve(state, ordered.FirstWindow());
        state.FlushChanges(Changes);
        foreach (List<ReplayRecord> group in OverlappingGroups(ordered.Records()))
        {
            (IReadOnlyList<RecordOutcome> outcomes, bool reordered) = ReplayGroup(state, group);
            tally.Add(outcomes, reordered);
            state.FlushChanges(Changes);
            if (Judged is not null)
                foreach (RecordOutcome outcome in outcomes)
                    Judged(outcome);
            if (tally.Mismatches > MismatchLimit)
                break;
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

    /// <summary>Replays the group in timestamp order and, when that order leaves something to explain, in the order the
    /// kernel's answers guide through the CPUs' lanes (<see cref="LaneMerge"/>), then every other order its windows
    /// allow, keeping the first order with the lowest <see cref="Score"/>. Each trial starts
    /// from the group's start state, restored by rolling back what the trial before changed.</summary>
    private (IReadOnlyList<RecordOutcome> Outcomes, bool Reordered) ReplayGroup(ReplayState state, List<ReplayRecord> group)
    {
        if (group.Count == 1)
            return ([RecordReplayer.Replay(state, group[0])], false);
        if (ReferenceOrder is not null)
        {
            List<ReplayRecord> reference = InReferenceOrder(group, ReferenceOrder);
            return (ReplayInOrder(state, reference, int.MaxValue)!, !reference.SequenceEqual(group));
        }

        state.Checkpoint();
        List<RecordOutcome> best = ReplayInOrder(state, group, int.MaxValue)!;
        int bestScore = Score(best);
        if (bestScore > 0 && NoOrderDoesBetter(state.Model, best))
        {
            state.ForgetCheckpoint();
            return (best, false);
        }
        IReadOnlyList<ReplayRecord> bestOrder = group;
        IReadOnlyList<ReplayRecord>? lastOrder = group;
        var orders = EventOrders.Allowed(group).Skip(1).Take(maxOrdersPerGroup)
            .Prepend(UnmapsAtWindowEnd(group)).Prepend(UnmapsAtWindowEnd(group, LongestUnmapWindows(group)));
        if (bestScore > 0 && MergesLanes)
        {
            lastOrder = null;
            orders = LaneMerge.Orders(state, group).Concat(orders);
        }
        // MoveNext only while something is left to explain: a lane merge runs (on the state) as it is enumerated.
        using IEnumerator<IReadOnlyList<ReplayRecord>> trials = orders.GetEnumerator();
        while (bestScore > 0 && trials.MoveNext())
        {
            IReadOnlyList<ReplayRecord> order = trials.Current;
            state.RollBack();
            lastOrder = order;
            if (ReplayInOrder(state, order, bestScore) is { } outcomes)
                (best, bestScore, bestOrder) = (outcomes, Score(outcomes), order);
        }
        if (!ReferenceEquals(bestOrder, lastOrder))
        {
            state.RollBack();
            ReplayInOrder(state, bestOrder, int.MaxValue);
        }
        state.ForgetCheckpoint();
        if (!ReferenceEquals(bestOrder, group))
            Reordered?.Invoke(bestOrder);
        return (best, !ReferenceEquals(bestOrder, group));
    }

    /// <summary>The group in the reference's order: its ranked records by rank, the others after them in their order.</summary>
    private static List<ReplayRecord> InReferenceOrder(List<ReplayRecord> group, IReadOnlyDictionary<int, int> ranks) =>
        [.. group.OrderBy(r => ranks.TryGetValue(r.Sequence, out int rank) ? rank : int.MaxValue)];

    /// <summary>True when the timestamps' order scores as well as any order can: each of its mismatches is an answer the
    /// model gives in no state at all (the kernel kept an offset the model's placement drops, say: a model that is not the
    /// capture's kernel), and no match leans on a recovered unmap. Searching the orders is then skipped, since no order
    /// could be kept.</summary>
    private static bool NoOrderDoesBetter(IAllocatorModel model, List<RecordOutcome> outcomes)
    {
        foreach (RecordOutcome outcome in outcomes)
        {
            if (outcome.Verdict == RecordVerdict.MatchedAfterRecovery)
                return false;
            if (outcome.Verdict == RecordVerdict.Mismatched && !NeverGiven(model, outcome.Record))
                return false;
        }
        return true;
    }

    /// <summary>The kernel's answer to this map is an address the model's placement can never produce.</summary>
    private static bool NeverGiven(IAllocatorModel model, ReplayRecord record) =>
        record is MapRecord { Observed.Kind: ObservedKind.Mapped } map && !model.TryLocate(map.Request, map.Observed.BounceAddress, out _);

    /// <summary>The group with every unmap at the end of its window (maps stay at their start): what the kernel did when an
    /// unmapping CPU stalled between its probe and the free (a vCPU descheduled for milliseconds), which no search of the
    /// orders of a large group would reach. Tried first after the timestamps' own order.</summary>
    private static ReplayRecord[] UnmapsAtWindowEnd(List<ReplayRecord> group, IReadOnlySet<ReplayRecord>? only = null) =>
        [.. group.OrderBy(r => r is UnmapRecord && (only is null || only.Contains(r)) ? r.Window.End : r.Window.Start).ThenBy(r => r.Sequence)];

    /// <summary>The unmaps whose windows are far longer than the group's typical one (at least a millisecond and ten times
    /// the median): a stalled CPU's, the likeliest to have freed late while the other unmaps freed on time.</summary>
    private static HashSet<ReplayRecord> LongestUnmapWindows(List<ReplayRecord> group)
    {
        var unmaps = group.OfType<UnmapRecord>().ToList();
        if (unmaps.Count == 0)
            return [];
        long median = unmaps.Select(u => u.Window.End - u.Window.Start).Order().ElementAt(unmaps.Count / 2);
        return [.. unmaps.Where(u => u.Window.End - u.Window.Start >= Math.Max(LongUnmapWindowNs, 10 * median))];
    }

    /// <summary>An unmap window this long means its CPU did nothing else for a while (stalled or idle).</summary>
    private const long LongUnmapWindowNs = 1_000_000;

    /// <summary>The outcomes of replaying <paramref name="order"/>, or null once their score reaches
    /// <paramref name="scoreToBeat"/>: the rest of that order cannot make it better.</summary>
    private static List<RecordOutcome>? ReplayInOrder(ReplayState state, IReadOnlyList<ReplayRecord> order, int scoreToBeat)
    {
        var outcomes = new List<RecordOutcome>(order.Count);
        int score = 0;
        foreach (ReplayRecord record in order)
        {
            RecordOutcome outcome = RecordReplayer.Replay(state, record);
            score += Score(outcome);
            if (score >= scoreToBeat)
                return null;
            outcomes.Add(outcome);
        }
        return outcomes;
    }

    private static int Score(List<RecordOutcome> outcomes) => outcomes.Sum(Score);

    /// <summary>Mismatches, then reliance on recovered unmaps, as one score: an order that needs no recovery is likelier.</summary>
    private static int Score(RecordOutcome outcome) => outcome.Verdict switch
    {
        RecordVerdict.Mismatched => 1 << 16,
        RecordVerdict.MatchedAfterRecovery => 1,
        _ => 0,
    };
}
