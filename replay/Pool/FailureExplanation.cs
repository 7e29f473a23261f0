namespace Swiotlb.Trace.Replay.Pool;

/// <summary>A failed or endless mapping and its cause, with the figures the cause rests on.</summary>
/// <param name="TimeNs">When the search ran (capture clock).</param>
/// <param name="DeviceName">The device that mapped.</param>
/// <param name="Cpu">The mapping CPU: its area is tried first.</param>
/// <param name="SlotsNeeded">Slots the request needs (kept offset and pad slots included).</param>
/// <param name="UsedSlots">Slots in use in the whole pool when it failed (what the kernel's "swiotlb buffer is full" line prints).</param>
/// <param name="Areas">Every area as the search found it, in the order tried.</param>
/// <param name="Skew">For <see cref="FailureCause.ClockSkew"/>: the other CPU whose later-stamped mappings took the room, and how much later the last of them is stamped.</param>
public sealed record FailureExplanation(
    long TimeNs,
    string DeviceName,
    int Cpu,
    ulong MappingSize,
    FailureCause Cause,
    int SlotsNeeded,
    int UsedSlots,
    IReadOnlyList<AreaRoom> Areas,
    (int Cpu, long LaterByNs)? Skew = null)
{
    public int FreeSlots => Areas.Sum(a => a.FreeSlots);

    public int LargestFreeRun => Areas.Count == 0 ? 0 : Areas.Max(a => a.LargestFreeRun);
}
