namespace Swiotlb.Trace.Replay.Allocator.Generations;

/// <summary>5.10.0–5.10.34 and 5.11.0–5.11.18: before min_align_mask. The bounce address is the slot start, so the
/// buffer's offset is lost; one global cursor; stride 2 slots (a page) for allocations of a page or more.</summary>
/// <remarks>Span-crossing starts are skipped by the stride; the search ends on returning to its aligned start, which
/// it always does. Older kernels tested <c>size &gt; PAGE_SIZE</c> for the stride; this models 5.10.</remarks>
internal sealed class Linux510 : KernelGeneration
{
    public static readonly Linux510 Instance = new();

    public override string Name => "linux-5.10";
    public override bool HasAreas => false;
    public override bool PreservesMinAlignMask => false;

    internal override Placement Place(in MapRequest request) =>
        new(0, 0, request.AllocSize, Slots.For(request.AllocSize), request.AllocSize);

    internal override AreaSearch Search(SlotTable slots, in SegmentBoundary boundary, in AreaView area, in MapRequest request, in Placement placement, int pageSize)
    {
        int count = placement.SlotCount;
        if (count > area.FreeSlots)
            return AreaSearch.NotEnoughFreeSlots;
        int stride = placement.AllocBytes >= (ulong)pageSize ? pageSize >> Slots.Shift : 1;
        int wrap = area.Wrap(Slots.AlignUp(area.Cursor, stride));
        int index = wrap;
        do
        {
            if (!boundary.IsCrossedBy(area.FirstSlot + index, count) && slots.Fits(area.FirstSlot + index, count))
                return AreaSearch.FoundAt(index);
            index = area.Wrap(index + stride);
        }
        while (index != wrap);
        return AreaSearch.NothingFits;
    }

    internal override ulong OffsetKeptIn(ulong bounceAddress, in DeviceDmaParameters device) => 0;

    internal override int SlotsToRelease(SlotTable slots, int startSlot, in UnmapRequest request, ulong offsetInSlot) =>
        CallerSlots(request, offsetInSlot);
}
