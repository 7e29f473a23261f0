namespace Swiotlb.Trace.Replay.Allocator.Generations;

/// <summary>6.9–6.12+ (Debian 6.12): start slots have the alignment bits clear and share <c>orig</c>'s bits in
/// <c>min_align_mask</c> above the alignment; offsets larger than a slot become pad slots before the buffer; mappings
/// of a page or more from mask-less devices are page aligned. Bounded search from the unaligned cursor.</summary>
/// <remarks>Sizes follow 6.10+, which map <c>ALIGN(mapping size + offset, alignment)</c> and take no alloc size.</remarks>
internal sealed class Linux69 : KernelGeneration
{
    public static readonly Linux69 Instance = new();

    public override string Name => "linux-6.9";
    public override bool HasAreas => true;
    public override bool PreservesMinAlignMask => true;

    internal override Placement Place(in MapRequest request)
    {
        ulong minAlign = request.Device.MinAlignMask;
        ulong offset = request.OriginalAddress & minAlign & (request.AllocAlignMask | Slots.OffsetMask);
        ulong bytes = Slots.AlignUp(request.MappingSize + offset, request.AllocAlignMask);
        ulong offsetInSlot = offset & Slots.OffsetMask;
        ulong recordedOffset = request.OriginalAddress & minAlign & Slots.OffsetMask;
        return new(offsetInSlot, (int)(offset >> Slots.Shift), bytes, Slots.For(bytes), bytes - recordedOffset);
    }

    internal override AreaSearch Search(SlotTable slots, in SegmentBoundary boundary, in AreaView area, in MapRequest request, in Placement placement, int pageSize)
    {
        ulong minAlign = request.Device.MinAlignMask;
        ulong alignMask = request.AllocAlignMask;
        if (alignMask == 0 && minAlign == 0 && placement.AllocBytes >= (ulong)pageSize)
            alignMask = (ulong)pageSize - 1;
        alignMask |= Slots.OffsetMask;
        ulong matchMask = minAlign & ~alignMask;
        int stride = (int)(Math.Max(alignMask, matchMask) >> Slots.Shift) + 1;
        return BoundedProbe.Search(slots, boundary, area, request.OriginalAddress, alignMask, matchMask, stride, placement.SlotCount);
    }

    internal override int SlotsToRelease(SlotTable slots, int startSlot, in UnmapRequest request, ulong offsetInSlot) =>
        RecordedSlots(slots, startSlot, offsetInSlot);
}
