namespace Swiotlb.Trace.Replay.Allocator.Generations;

/// <summary>6.0–6.2 and Debian 6.1.x: the 5.12 search run per area (own lock, cursor and used count), starting at
/// the mapping CPU's area and trying the others in turn. Frees by the size recorded at the first slot.</summary>
/// <remarks>As in 6.1.84+ (Debian 6.1.190 included), <c>alloc_align_mask</c> bits are cleared from the match mask
/// and the stride is at least the alignment. A spinning search holds its area's lock and never tries other areas.</remarks>
internal sealed class Linux61 : UnboundedSearchGeneration
{
    public static readonly Linux61 Instance = new();

    public override string Name => "linux-6.1";
    public override bool HasAreas => true;

    private protected override bool ComparesNullOrig => false;

    internal override int SlotsToRelease(SlotTable slots, int startSlot, in UnmapRequest request, ulong offsetInSlot) =>
        RecordedSlots(slots, startSlot, offsetInSlot);

    private protected override (ulong MatchMask, int Stride) Rule(in MapRequest request, in Placement placement, int pageSize)
    {
        ulong alignMask = request.AllocAlignMask | Slots.OffsetMask;
        ulong matchMask = request.Device.MinAlignMask & ~alignMask;
        int stride = PageStride((int)(matchMask >> Slots.Shift) + 1, placement.AllocBytes, pageSize);
        return (matchMask, Math.Max(stride, (int)(alignMask >> Slots.Shift) + 1));
    }
}
