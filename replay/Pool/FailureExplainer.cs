using Swiotlb.Trace.Replay.Allocator;

namespace Swiotlb.Trace.Replay.Pool;

/// <summary>Finds the cause of a failed search from the pool state the search saw: the weakest explanation that holds
/// (whole pool, then per area, then runs, then address bits), so each cause names what a bigger or emptier pool changes.</summary>
public static class FailureExplainer
{
    /// <param name="result">The model's answer to <paramref name="request"/> in this state: a failure or an endless search
    /// (a mapped answer makes the failure <see cref="FailureCause.Unexplained"/>).</param>
    public static FailureExplanation Explain(IAllocatorModel model, in MapRequest request, in MapResult result, long timeNs, string deviceName)
    {
        PoolGeometry geometry = model.Geometry;
        int needed = model.Generation.Place(request).SlotCount;
        int first = request.Cpu & (geometry.AreaCount - 1);
        var areas = new AreaRoom[geometry.AreaCount];
        for (int tried = 0; tried < geometry.AreaCount; tried++)
        {
            int area = (first + tried) & (geometry.AreaCount - 1);
            areas[tried] = new AreaRoom(area, geometry.AreaSlotCount - model.AreaUsedSlots(area), LargestRun(model, area));
        }
        FailureCause cause = result.Outcome switch
        {
            MapOutcome.Mapped => FailureCause.Unexplained,
            MapOutcome.EndlessSearch => FailureCause.EndlessSearch,
            _ when areas.Sum(a => a.FreeSlots) < needed => FailureCause.PoolExhausted,
            _ when areas.All(a => a.FreeSlots < needed) => FailureCause.AreasSplit,
            _ when areas.Where(a => a.FreeSlots >= needed).All(a => a.LargestFreeRun < needed) => FailureCause.Fragmented,
            _ => FailureCause.AddressBits,
        };
        return new FailureExplanation(timeNs, deviceName, request.Cpu, request.MappingSize, cause, needed, model.UsedSlots, areas);
    }

    /// <summary>The longest free run in the area: free runs end at segment ends, so no run is longer than a segment.</summary>
    /// <remarks>A device segment boundary (4 GiB by default) can still cut a run; no pool below 4 GiB meets one.</remarks>
    private static int LargestRun(IAllocatorModel model, int area)
    {
        int areaSlots = model.Geometry.AreaSlotCount;
        int largest = 0;
        foreach (int run in model.FreeCounts.Slice(area * areaSlots, areaSlots))
            largest = Math.Max(largest, run);
        return largest;
    }
}
