using Swiotlb.Trace.Replay.Allocator;
using Swiotlb.Trace.Replay.Simulation;

namespace Swiotlb.Trace.Replay.Pool;

/// <summary>
/// Watches one model's pool through a replay: slots in use in the pool and in each area, live mappings and the largest
/// free run over time, the high-water mark and who held the pool then, every failure with its cause, and the mappings a
/// CPU's own area could not serve (area fall-backs). Told of each change after the model made it.
/// </summary>
/// <remarks>Memory is bounded: series are bucketed, holders are counted per device and size class, and only the first
/// <paramref name="failuresKept"/> failures keep their detail (every one is counted by cause).</remarks>
public sealed class PoolObserver(IAllocatorModel model, int failuresKept = PoolObserver.DefaultFailuresKept)
{
    public const int DefaultFailuresKept = 1000;

    private readonly FreeRunTracker _freeRuns = new(model);
    private readonly Dictionary<int, Holding> _holdings = [];
    private readonly Dictionary<(string Device, SizeClass Size), (int Mappings, int Slots)> _shares = [];
    private readonly List<FailureExplanation> _failures = [];
    private readonly int[] _failuresByCause = new int[Enum.GetValues<FailureCause>().Length];
    private readonly int[] _fallBacksFrom = new int[model.Geometry.AreaCount];

    public PoolGeometry Geometry => model.Geometry;

    public BucketedSeries UsedSlots { get; } = new();

    public IReadOnlyList<BucketedSeries> AreaUsedSlots { get; } =
        [.. Enumerable.Range(0, model.Geometry.AreaCount).Select(_ => new BucketedSeries())];

    public BucketedSeries LiveMappings { get; } = new();

    public BucketedSeries LargestFreeRun { get; } = new(BucketKeeps.Lowest);

    /// <summary>The most slots in use at once (<c>io_tlb_used_hiwater</c>) and when it was first reached.</summary>
    public int PeakUsedSlots { get; private set; }

    public long PeakTimeNs { get; private set; }

    /// <summary>Who held the pool when the high-water mark was first reached, largest share first.</summary>
    public IReadOnlyList<HolderShare> HoldersAtPeak { get; private set; } = [];

    public int Mappings { get; private set; }

    /// <summary>Mappings served by an area other than their CPU's own: its area had no room (6.0+).</summary>
    public int FallBacks => _fallBacksFrom.Sum();

    /// <summary>Fall-backs by the area that could not serve its CPU.</summary>
    public IReadOnlyList<int> FallBacksFrom => _fallBacksFrom;

    public int FailureCount => _failuresByCause.Sum();

    public int FailuresOf(FailureCause cause) => _failuresByCause[(int)cause];

    /// <summary>The first failures in time order, each with its cause.</summary>
    public IReadOnlyList<FailureExplanation> Failures => _failures;

    /// <summary>The model mapped <paramref name="allocation"/> for <paramref name="request"/>.</summary>
    public void Mapped(long timeNs, string deviceName, in MapRequest request, in Allocation allocation)
    {
        Mappings++;
        int ownArea = request.Cpu & (Geometry.AreaCount - 1);
        if (allocation.Area != ownArea)
            _fallBacksFrom[ownArea]++;
        var holding = new Holding(deviceName, SizeClass.Of(allocation.SlotCount), allocation.SlotCount);
        _holdings[allocation.StartSlot] = holding;
        Share(holding, +1);
        Changed(timeNs, allocation);
        if (model.UsedSlots > PeakUsedSlots)
        {
            (PeakUsedSlots, PeakTimeNs) = (model.UsedSlots, timeNs);
            HoldersAtPeak = [.. _shares.Where(s => s.Value.Mappings > 0)
                .Select(s => new HolderShare(s.Key.Device, s.Key.Size, s.Value.Mappings, s.Value.Slots))
                .OrderByDescending(s => s.Slots).ThenBy(s => s.DeviceName, StringComparer.Ordinal).ThenBy(s => s.SizeClass.Index)];
        }
    }

    /// <summary>The model freed <paramref name="freed"/>'s slots.</summary>
    public void Released(long timeNs, in Allocation freed)
    {
        if (_holdings.Remove(freed.StartSlot, out Holding holding))
            Share(holding, -1);
        Changed(timeNs, freed);
    }

    /// <summary>The model found no slots for <paramref name="request"/> (<paramref name="result"/>: its answer in this state).</summary>
    public FailureExplanation Failed(long timeNs, string deviceName, in MapRequest request, in MapResult result)
    {
        Mappings++;
        FailureExplanation explanation = FailureExplainer.Explain(model, request, result, timeNs, deviceName);
        _failuresByCause[(int)explanation.Cause]++;
        if (_failures.Count < failuresKept)
            _failures.Add(explanation);
        return explanation;
    }

    /// <summary>A failure explained again once later events showed its cause (<see cref="ObservedPoolFollower"/>).</summary>
    public void Reexplained(FailureExplanation before, FailureExplanation after)
    {
        _failuresByCause[(int)before.Cause]--;
        _failuresByCause[(int)after.Cause]++;
        int kept = _failures.IndexOf(before);
        if (kept >= 0)
            _failures[kept] = after;
    }

    private void Changed(long timeNs, in Allocation allocation)
    {
        _freeRuns.Changed(model, allocation);
        UsedSlots.Add(timeNs, model.UsedSlots);
        AreaUsedSlots[allocation.Area].Add(timeNs, model.AreaUsedSlots(allocation.Area));
        LiveMappings.Add(timeNs, _holdings.Count);
        LargestFreeRun.Add(timeNs, _freeRuns.LargestFreeRun);
    }

    private void Share(in Holding holding, int sign)
    {
        var key = (holding.DeviceName, holding.Size);
        var (mappings, slots) = _shares.GetValueOrDefault(key);
        _shares[key] = (mappings + sign, slots + sign * holding.Slots);
    }

    private readonly record struct Holding(string DeviceName, SizeClass Size, int Slots);
}
