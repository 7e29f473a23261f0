using Swiotlb.Trace.Replay.Allocator;
using Swiotlb.Trace.Replay.Pool;
using Swiotlb.Trace.Replay.Records;

namespace Swiotlb.Trace.Replay.Simulation;

/// <summary>
/// One model living through a capture as if it were the kernel: it maps with its own search, keeps its own allocations,
/// and frees what it allocated when the capture's mapping is released.
/// </summary>
/// <param name="pool">Also watches the pool (occupancy per area, fragmentation, failure causes), when given.</param>
public sealed class ModelRun(IAllocatorModel model, PoolObserver? pool = null)
{
    private readonly Dictionary<int, Allocation> _allocations = [];

    public string Name => model.Generation.Name;
    public IPoolState Pool => model;
    public PoolObserver? PoolObserver => pool;
    public BucketedSeries Occupancy { get; } = new();
    public int Failures { get; private set; }
    public int EndlessSearches { get; private set; }
    public int Hazards { get; private set; }

    /// <summary>Releases of mappings this model holds no allocation for (it failed them, or the capture began after them).</summary>
    public int ReleasesWithoutAllocation { get; private set; }

    public ModelOutcome Map(MapRecord record)
    {
        var result = model.Map(record.Request);
        var hazard = model.EndlessSearchHazard(record.Request) is not null;
        if (hazard)
            Hazards++;
        switch (result.Outcome)
        {
            case MapOutcome.Mapped:
                pool?.Mapped(record.Window.Start, record.DeviceName, record.Request, result.Allocation);
                if (record.Observed.Kind == ObservedKind.Failed)
                    ReleaseAtOnce(record, result.Allocation);
                else
                    _allocations[record.Sequence] = result.Allocation;
                break;
            case MapOutcome.EndlessSearch:
                EndlessSearches++;
                pool?.Failed(record.Window.Start, record.DeviceName, record.Request, result);
                break;
            default:
                Failures++;
                pool?.Failed(record.Window.Start, record.DeviceName, record.Request, result);
                break;
        }
        Occupancy.Add(record.Window.Start, model.UsedSlots);
        return new ModelOutcome(result, hazard);
    }

    /// <summary>Mappings the kernel failed but this model made: the capture has no unmap for them (the driver gave the
    /// request back and retried it later as a new mapping), so the model frees them at once.</summary>
    public int MappedWhereKernelFailed { get; private set; }

    private void ReleaseAtOnce(MapRecord record, in Allocation allocation)
    {
        MappedWhereKernelFailed++;
        var freed = model.Unmap(UnmapRequest.Releasing(record.Request, allocation.BounceAddress));
        pool?.Released(record.Window.Start, freed);
    }

    public void Unmap(UnmapRecord record)
    {
        if (record.MappingSequence is not { } mapping || !_allocations.Remove(mapping, out var allocation))
        {
            ReleasesWithoutAllocation++;
            return;
        }
        var freed = model.Unmap(record.Request with { BounceAddress = allocation.BounceAddress });
        pool?.Released(record.Window.Start, freed);
        Occupancy.Add(record.Window.Start, model.UsedSlots);
    }
}
