using Swiotlb.Trace.Replay.Allocator;

namespace Swiotlb.Trace.Replay.Validation;

/// <summary>A model plus what the synchroniser knows about it: live mappings and which areas are synchronised.</summary>
internal sealed class ReplayState
{
    private readonly Dictionary<ulong, LiveMapping> byBounceAddress;
    private readonly Dictionary<int, LiveMapping> byStartSlot;
    private readonly bool[] synchronisedAreas;

    public ReplayState(IAllocatorModel model)
    {
        Model = model;
        byBounceAddress = [];
        byStartSlot = [];
        synchronisedAreas = new bool[model.Geometry.AreaCount];
    }

    private ReplayState(ReplayState other)
    {
        Model = other.Model.Clone();
        byBounceAddress = new(other.byBounceAddress);
        byStartSlot = new(other.byStartSlot);
        synchronisedAreas = (bool[])other.synchronisedAreas.Clone();
    }

    public IAllocatorModel Model { get; }

    public ReplayState Clone() => new(this);

    public bool IsSynchronised(int area) => synchronisedAreas[area];

    public void MarkSynchronised(int area) => synchronisedAreas[area] = true;

    public bool TryGetLive(ulong bounceAddress, out LiveMapping mapping) => byBounceAddress.TryGetValue(bounceAddress, out mapping);

    public void AddLive(in LiveMapping mapping)
    {
        byBounceAddress[mapping.Allocation.BounceAddress] = mapping;
        byStartSlot[mapping.Allocation.StartSlot] = mapping;
    }

    public void RemoveLive(in LiveMapping mapping)
    {
        byBounceAddress.Remove(mapping.Allocation.BounceAddress);
        byStartSlot.Remove(mapping.Allocation.StartSlot);
    }

    /// <summary>Live mappings holding any slot of <paramref name="allocation"/> (none is longer than a segment).</summary>
    public List<LiveMapping> LiveOverlapping(in Allocation allocation)
    {
        var overlapping = new List<LiveMapping>();
        for (int start = Math.Max(0, allocation.StartSlot - Slots.SegmentSlots + 1); start < allocation.EndSlot; start++)
        {
            if (byStartSlot.TryGetValue(start, out LiveMapping live) && live.Allocation.Overlaps(allocation))
                overlapping.Add(live);
        }
        return overlapping;
    }
}

/// <param name="ForeignPlacement">The model's own placement could not explain the kernel's address (another
/// generation's answer): released slot for slot rather than by the generation's unmap rule.</param>
internal readonly record struct LiveMapping(MapRecord Record, Allocation Allocation, bool ForeignPlacement);
