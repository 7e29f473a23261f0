namespace Swiotlb.Trace.Replay.Allocator;

/// <summary>The device's DMA segment boundary seen from the pool (<c>iommu_is_span_boundary</c>).</summary>
internal readonly struct SegmentBoundary
{
    private readonly ulong poolOffsetSlots;
    private readonly ulong boundarySlots;

    public SegmentBoundary(ulong poolStart, ulong boundaryMask)
    {
        MaskedPoolStart = poolStart & boundaryMask;
        poolOffsetSlots = (ulong)Slots.For(MaskedPoolStart);
        boundarySlots = boundaryMask == ulong.MaxValue ? 1UL << (64 - Slots.Shift) : (ulong)Slots.For(boundaryMask + 1);
    }

    /// <summary>The pool start as the search sees it (<c>tbl_dma_addr</c>): under the boundary mask.</summary>
    public ulong MaskedPoolStart { get; }

    /// <summary>The address the search compares with <c>orig</c> for a pool-wide slot index.</summary>
    public ulong SlotAddress(int slot) => MaskedPoolStart + ((ulong)slot << Slots.Shift);

    /// <summary>True when <paramref name="count"/> slots from <paramref name="slot"/> would cross the boundary.</summary>
    public bool IsCrossedBy(int slot, int count) =>
        ((poolOffsetSlots + (ulong)slot) & (boundarySlots - 1)) + (ulong)count > boundarySlots;
}
