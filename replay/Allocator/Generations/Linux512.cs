namespace Swiotlb.Trace.Replay.Allocator.Generations;

/// <summary>The 2021 min_align_mask series: 5.10.35+ (Debian 5.10.223), 5.11.19+, 5.12–5.19. One global cursor;
/// start slots must share <c>orig</c>'s address bits in <c>min_align_mask &amp; ~0x7ff</c>; the unbounded search.</summary>
/// <remarks>Modelled on the 5.10 stable backport, whose captures are the ground truth: it frees by the caller's alloc
/// size and has neither the <c>orig == 0</c> exemption nor the <c>alloc_align_mask</c> stride of 5.16+.</remarks>
internal sealed class Linux512 : UnboundedSearchGeneration
{
    public static readonly Linux512 Instance = new();

    public override string Name => "linux-5.12";
    public override bool HasAreas => false;

    private protected override bool ComparesNullOrig => true;

    internal override int SlotsToRelease(SlotTable slots, int startSlot, in UnmapRequest request, ulong offsetInSlot) =>
        CallerSlots(request, offsetInSlot);

    private protected override (ulong MatchMask, int Stride) Rule(in MapRequest request, in Placement placement, int pageSize)
    {
        ulong matchMask = request.Device.MinAlignMask & ~Slots.OffsetMask;
        int stride = (int)(matchMask >> Slots.Shift) + 1;
        return (matchMask, PageStride(stride, placement.AllocBytes, pageSize));
    }
}
