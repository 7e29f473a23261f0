using Swiotlb.Trace.Replay.Records;
namespace Swiotlb.Trace.Replay.Validation;

/// <summary>The orders of a group of records their time windows allow: a record may go before another unless its
/// window starts after the other's ends. The timestamp order comes first.</summary>
internal static class EventOrders
{
    public static IEnumerable<ReplayRecord[]> Allowed(IReadOnlyList<ReplayRecord> group)
    {
        var order = new ReplayRecord[group.Count];
        var placed = new bool[group.Count];
        return Extend(group, order, placed, 0);
    }

    private static IEnumerable<ReplayRecord[]> Extend(IReadOnlyList<ReplayRecord> group, ReplayRecord[] order, bool[] placed, int depth)
    {
        if (depth == group.Count)
        {
            yield return (ReplayRecord[])order.Clone();
            yield break;
        }
        for (int candidate = 0; candidate < group.Count; candidate++)
        {
            if (placed[candidate] || !CanGoNext(group, placed, candidate))
                continue;
            placed[candidate] = true;
            order[depth] = group[candidate];
            foreach (ReplayRecord[] complete in Extend(group, order, placed, depth + 1))
                yield return complete;
            placed[candidate] = false;
        }
    }

    /// <summary>Every record still unplaced whose window ends before the candidate's begins must go first.</summary>
    private static bool CanGoNext(IReadOnlyList<ReplayRecord> group, bool[] placed, int candidate)
    {
        for (int other = 0; other < group.Count; other++)
        {
            if (!placed[other] && other != candidate && group[other].Window.IsBefore(group[candidate].Window))
                return false;
        }
        return true;
    }
}
