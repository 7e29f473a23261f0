namespace Swiotlb.Trace.Replay.Allocator.Generations;

/// <summary>The generations of the unbounded search (5.12–6.2): the offset kept in the slot, and the same walk for the
/// search and for the endless-search hazard, under each generation's own match mask and stride.</summary>
internal abstract class UnboundedSearchGeneration : KernelGeneration
{
    public sealed override bool PreservesMinAlignMask => true;

    /// <summary>False from 5.16: <c>orig == 0</c> skips the address-class test.</summary>
    private protected abstract bool ComparesNullOrig { get; }

    internal sealed override Placement Place(in MapRequest request) => Placement.KeepingOffsetInSlot(request);

    internal sealed override AreaSearch Search(SlotTable slots, in SegmentBoundary boundary, in AreaView area, in MapRequest request, in Placement placement, int pageSize)
    {
        (ulong matchMask, int stride) = Rule(request, placement, pageSize);
        return UnboundedProbe.Search(slots, boundary, area, request.OriginalAddress, ComparesNullOrig, matchMask, stride, placement.SlotCount);
    }

    internal sealed override EndlessSearchEvidence? Hazard(KnownWalks known, in SegmentBoundary boundary, in AreaView area, in MapRequest request, in Placement placement, int pageSize)
    {
        (ulong matchMask, int stride) = Rule(request, placement, pageSize);
        return UnboundedProbe.Hazard(known, boundary, area, request.OriginalAddress, ComparesNullOrig, matchMask, stride, placement.SlotCount);
    }

    /// <summary>The address bits a start slot must share with <c>orig</c>, and the step past a start that does not fit.</summary>
    private protected abstract (ulong MatchMask, int Stride) Rule(in MapRequest request, in Placement placement, int pageSize);

    /// <summary>Stride doubling of 5.12–6.2 for allocations of a page or more: <c>stride &lt;&lt; (PAGE_SHIFT - IO_TLB_SHIFT)</c>.</summary>
    private protected static int PageStride(int stride, ulong allocBytes, int pageSize) =>
        allocBytes >= (ulong)pageSize ? stride * (pageSize >> Slots.Shift) : stride;
}
