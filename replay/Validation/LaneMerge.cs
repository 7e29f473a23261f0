namespace Swiotlb.Trace.Replay.Validation;

/// <summary>
/// An order for a group whose records' times cannot say the order across CPUs (a coarse clock stamps whole bursts from
/// several CPUs alike): each CPU's records keep their order (a CPU's ring buffer records it exactly), and the lanes are
/// merged record by record, taking the first lane head, in timestamp order, whose replay the kernel's answer confirms.
/// A search guided by the answers, where the orders a group's windows allow are too many to try.
/// </summary>
internal static class LaneMerge
{
    /// <summary>The largest group merged: each rejected head replays the merged part again.</summary>
    public const int MaxRecords = 4096;

    /// <summary>Lanes tried first in turn: each CPU's, up to this many.</summary>
    public const int MaxPreferredLanes = 8;

    /// <summary>One merged order per CPU lane preferred on ties (who went first is what a merge cannot undo: the
    /// first mapping of an area is adopted), none when the group has one lane or is too large. Each leaves the state
    /// somewhere after the group's checkpoint: roll it back before replaying.</summary>
    public static IEnumerable<ReplayRecord[]> Orders(ReplayState state, IReadOnlyList<ReplayRecord> group)
    {
        var lanes = group.GroupBy(LaneOf).ToList();
        if (lanes.Count < 2 || group.Count > MaxRecords)
            yield break;
        foreach (var preferred in lanes.Where(lane => lane.Key is int).Take(MaxPreferredLanes))
            yield return Merge(state, group.Count, [.. lanes.Select(lane => new Lane(ReferenceEquals(lane, preferred), new Queue<ReplayRecord>(lane.OrderBy(r => r.Sequence))))]);
    }

    private sealed record Lane(bool Preferred, Queue<ReplayRecord> Records);

    private static ReplayRecord[] Merge(ReplayState state, int count, List<Lane> lanes)
    {
        var order = new List<ReplayRecord>(count);
        state.RollBack();
        while (order.Count < count)
        {
            var heads = lanes.Where(lane => lane.Records.Count > 0 && MayGoNext(lane.Records.Peek(), lanes))
                .OrderBy(lane => lane.Records.Peek().Window.Start).ThenBy(lane => !lane.Preferred).ThenBy(lane => lane.Records.Peek().Sequence).ToList();
            var chosen = heads.FirstOrDefault(lane => Confirmed(state, order, lane.Records.Peek()));
            if (chosen is null)
            {
                chosen = heads[0];
                RecordReplayer.Replay(state, chosen.Records.Peek());
            }
            order.Add(chosen.Records.Dequeue());
        }
        return [.. order];
    }

    /// <summary>A record's lane: its CPU; a release no event showed on a CPU (recovered) is a lane of its own.</summary>
    private static object LaneOf(ReplayRecord record) => record switch
    {
        MapRecord map => map.Request.Cpu,
        UnmapRecord { Cpu: { } cpu } => cpu,
        _ => record,
    };

    /// <summary>No record left in another lane has a window that ends before this one's begins.</summary>
    private static bool MayGoNext(ReplayRecord candidate, List<Lane> lanes) =>
        !lanes.Any(lane => lane.Records.Any(other => !ReferenceEquals(other, candidate) && other.Window.IsBefore(candidate.Window)));

    /// <summary>Replays <paramref name="candidate"/> after <paramref name="order"/>; true, leaving it applied, when the
    /// kernel's answer confirms it; else undoes it (rolls back and replays the order again).</summary>
    private static bool Confirmed(ReplayState state, List<ReplayRecord> order, ReplayRecord candidate)
    {
        if (RecordReplayer.Replay(state, candidate).Verdict != RecordVerdict.Mismatched)
            return true;
        state.RollBack();
        foreach (ReplayRecord placed in order)
            RecordReplayer.Replay(state, placed);
        return false;
    }
}
