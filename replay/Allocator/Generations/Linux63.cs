namespace Swiotlb.Trace.Replay.Allocator.Generations;

/// <summary>6.3–6.8: the bounded search from the unaligned cursor. The match mask folds in <c>alloc_align_mask</c> and,
/// for allocations of a page or more, the page mask: slot bit 11 must equal <c>orig</c>'s even for devices without
/// min_align_mask (not page aligned, a regression of that series).</summary>
/// <remarks>No ground-truth capture: written from the fix patches. Dynamic/transient pools (6.6+,
/// <c>CONFIG_SWIOTLB_DYNAMIC</c>, off in Debian) are not modelled.</remarks>
internal sealed class Linux63 : KernelGeneration
{
    public static readonly Linux63 Instance = new();

    public override string Name => "linux-6.3";
    public override bool HasAreas => true;
    public override bool PreservesMinAlignMask => true;

    internal override Placement Place(in MapRequest request) => Placement.KeepingOffsetInSlot(request);

    internal override AreaSearch Search(SlotTable slots, in SegmentBoundary boundary, in AreaView area, in MapRequest request, in Placement placement, int pageSize)
    {
        ulong pageMask = placement.AllocBytes >= (ulong)pageSize ? (ulong)pageSize - 1 : 0;
        ulong matchMask = (request.Device.MinAlignMask | request.AllocAlignMask | pageMask) & ~Slots.OffsetMask;
        int stride = (int)(matchMask >> Slots.Shift) + 1;
        return BoundedProbe.Search(slots, boundary, area, request.OriginalAddress, zeroBitsMask: 0, matchMask, stride, placement.SlotCount);
    }

    internal override int SlotsToRelease(SlotTable slots, int startSlot, in UnmapRequest request, ulong offsetInSlot) =>
        RecordedSlots(slots, startSlot, offsetInSlot);
}
