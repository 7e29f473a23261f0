using Swiotlb.Trace.Replay.Records;
namespace Swiotlb.Trace.Replay.Validation;

/// <summary>
/// An order for a group whose records' times cannot say the order across CPUs (a coarse clock stamps whole bursts from
/// several CPUs alike): each CPU's records keep their order (a CPU's ring buffer records it exactly), and the lanes are
/// merged record by record, taking the first lane head, in timestamp order, whose replay the kernel's answer confirms.
/// A search guided by the answers, where the orders a group's windows allow are too many to try.
/// </summary>
internal static class LaneMerge
{
    /// <summary>The largest group merged.</summary>
    public const int MaxRecords = 4096;

    /// <summary>The most lanes merged (CPUs, and one for the releases recovered from later events).</summary>
    public const int MaxLanes = 64;

    /// <summary>Lanes tried first in turn: each CPU's, up to this many.</summary>
    public const int MaxPreferredLanes = 8;

    /// <summary>Records replayed by one merge, per record of the group, before it stops trying heads (each rejected head
    /// replays the merged part again) and takes the rest in timestamp order.</summary>
    private const int ReplaysPerRecord = 32;

    /// <summary>One merged order per CPU lane preferred on ties (who went first is what a merge cannot undo: the
    /// first mapping of an area is adopted), none when the group has one lane or is too large. Each leaves the state
    /// somewhere after the group's checkpoint: roll it back before replaying.</summary>
    public static IEnumerable<ReplayRecord[]> Orders(ReplayState state, IReadOnlyList<ReplayRecord> group)
    {
        var grouped = group.GroupBy(LaneOf).ToList();
        if (grouped.Count < 2 || grouped.Count > MaxLanes || group.Count > MaxRecords)
            yield break;
        var lanes = grouped.Select(lane => lane.OrderBy(r => r.Sequence).ToArray()).ToList();
        foreach (int preferred in Enumerable.Range(0, grouped.Count).Where(l => grouped[l].Key != RecoveredLane).Take(MaxPreferredLanes))
            yield return new Merge(state, lanes, preferred).Run(group.Count);
    }

    /// <summary>A record's lane: its CPU; the releases no event showed on a CPU (recovered) share one lane, in the
    /// order they were recovered.</summary>
    private static int LaneOf(ReplayRecord record) => record switch
    {
        MapRecord map => map.Request.Cpu,
        UnmapRecord { Cpu: { } cpu } => cpu,
        _ => RecoveredLane,
    };

    private const int RecoveredLane = -1;

    private sealed class Merge
    {
        private readonly ReplayState state;
        private readonly List<ReplayRecord[]> lanes;
        private readonly int preferred;
        private readonly int[] next;
        private readonly long[][] earliestEndFrom;
        private readonly List<ReplayRecord> order = [];
        private long replaysLeft;

        public Merge(ReplayState state, List<ReplayRecord[]> lanes, int preferred)
        {
            (this.state, this.lanes, this.preferred) = (state, lanes, preferred);
            next = new int[lanes.Count];
            earliestEndFrom = [.. lanes.Select(EarliestEnds)];
        }

        public ReplayRecord[] Run(int count)
        {
            replaysLeft = (long)ReplaysPerRecord * count;
            state.RollBack();
            while (order.Count < count)
            {
                var open = Enumerable.Range(0, lanes.Count).Where(l => next[l] < lanes[l].Length).ToList();
                var allowed = open.Where(MayGoNext).ToList();
                var heads = (allowed.Count > 0 ? allowed : open)
                    .OrderBy(l => Head(l).Window.Start).ThenBy(l => l != preferred).ThenBy(l => Head(l).Sequence).ToList();
                int chosen = heads.FirstOrDefault(l => replaysLeft > order.Count && Confirmed(Head(l)), -1);
                if (chosen < 0)
                {
                    chosen = heads[0];
                    RecordReplayer.Replay(state, Head(chosen));
                }
                order.Add(Head(chosen));
                next[chosen]++;
            }
            return [.. order];
        }

        private ReplayRecord Head(int lane) => lanes[lane][next[lane]];

        /// <summary>No record left in another lane, nor behind the head in its own, has a window that ends before the
        /// head's begins. (When no head may go, as windows out of order within a lane allow, the earliest goes.)</summary>
        private bool MayGoNext(int lane)
        {
            long start = Head(lane).Window.Start;
            for (int other = 0; other < lanes.Count; other++)
            {
                int from = other == lane ? next[other] + 1 : next[other];
                if (from < lanes[other].Length && earliestEndFrom[other][from] < start)
                    return false;
            }
            return true;
        }

        /// <summary>Replays <paramref name="candidate"/> after the order so far; true, leaving it applied, when the
        /// kernel's answer confirms it; else undoes it (rolls back and replays the order again).</summary>
        private bool Confirmed(ReplayRecord candidate)
        {
            replaysLeft--;
            if (RecordReplayer.Replay(state, candidate).Verdict != RecordVerdict.Mismatched)
                return true;
            state.RollBack();
            foreach (ReplayRecord placed in order)
                RecordReplayer.Replay(state, placed);
            replaysLeft -= order.Count;
            return false;
        }

        /// <summary>For each position of a lane, the earliest window end from there to the lane's end.</summary>
        private static long[] EarliestEnds(ReplayRecord[] lane)
        {
            var ends = new long[lane.Length];
            long earliest = long.MaxValue;
            for (int i = lane.Length - 1; i >= 0; i--)
                ends[i] = earliest = Math.Min(earliest, lane[i].Window.End);
            return ends;
        }
    }
}
