namespace Swiotlb.Trace.Replay.Allocator;

/// <summary>What differs between kernel generations: how a request is placed, how an area is searched, how an
/// unmap finds its size. Generations hold no state; the <see cref="SlotAllocatorModel"/> holds it.</summary>
public abstract class KernelGeneration
{
    private protected KernelGeneration()
    {
    }

    /// <summary>The model name (<c>linux-6.1</c>).</summary>
    public abstract string Name { get; }

    /// <summary>Kernels from 6.0 split the pool into areas with their own lock and cursor.</summary>
    public abstract bool HasAreas { get; }

    /// <summary>True when this generation keeps <c>orig &amp; min_align_mask</c> in the bounce address.</summary>
    public abstract bool PreservesMinAlignMask { get; }

    internal abstract Placement Place(in MapRequest request);

    internal abstract AreaSearch Search(SlotTable slots, in SegmentBoundary boundary, in AreaView area, in MapRequest request, in Placement placement, int pageSize);

    /// <summary>For generations whose search can spin: would the search from the area's cursor never return to its
    /// start if no slot fitted? Null when it would return (or the generation's search is bounded).</summary>
    internal virtual EndlessSearchEvidence? Hazard(KnownWalks known, in SegmentBoundary boundary, in AreaView area, in MapRequest request, in Placement placement, int pageSize) => null;

    /// <summary>The offset an unmap strips from the bounce address to find the buffer's slot.</summary>
    internal virtual ulong OffsetKeptIn(ulong bounceAddress, in DeviceDmaParameters device) =>
        bounceAddress & device.MinAlignMask & Slots.OffsetMask;

    /// <summary>How many slots an unmap frees from <paramref name="startSlot"/>.</summary>
    internal abstract int SlotsToRelease(SlotTable slots, int startSlot, in UnmapRequest request, ulong offsetInSlot);

    /// <summary>5.15+: the size recorded at the allocation's first slot, plus the offset kept in the slot.</summary>
    private protected static int RecordedSlots(SlotTable slots, int startSlot, ulong offsetInSlot) =>
        Slots.For(slots.RecordedSize(startSlot) + offsetInSlot);

    /// <summary>5.10–5.14: nothing recorded, the caller's alloc size decides.</summary>
    private protected static int CallerSlots(in UnmapRequest request, ulong offsetInSlot) =>
        Slots.For(request.AllocSize + offsetInSlot);

    public override string ToString() => Name;
}
