using Swiotlb.Trace.Replay.Allocator;
using Swiotlb.Trace.Replay.Validation;

namespace Swiotlb.Trace.Replay.Simulation;

/// <summary>
/// One model living through a capture as if it were the kernel: it maps with its own search, keeps its own allocations,
/// and frees what it allocated when the capture's mapping is released.
/// </summary>
public sealed class ModelRun(IAllocatorModel model)
{
    private readonly Dictionary<int, Allocation> _allocations = [];

    public string Name => model.Generation.Name;
    public IPoolState Pool => model;
    public OccupancySeries Occupancy { get; } = new();
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
                _allocations[record.Sequence] = result.Allocation;
                break;
            case MapOutcome.EndlessSearch:
                EndlessSearches++;
                break;
            default:
                Failures++;
                break;
        }
        Occupancy.Add(record.Window.Start, model.UsedSlots);
        return new ModelOutcome(result, hazard);
    }

    public void Unmap(UnmapRecord record)
    {
        if (record.MappingSequence is not { } mapping || !_allocations.Remove(mapping, out var allocation))
        {
            ReleasesWithoutAllocation++;
            return;
        }
        model.Unmap(record.Request with { BounceAddress = allocation.BounceAddress });
        Occupancy.Add(record.Window.Start, model.UsedSlots);
    }
}
