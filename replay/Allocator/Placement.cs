namespace Swiotlb.Trace.Replay.Allocator;

/// <summary>How one request occupies slots, before any slot is chosen.</summary>
/// <param name="OffsetInSlot">Bytes of <c>orig</c>'s offset kept inside the buffer's first slot.</param>
/// <param name="PadSlots">Whole slots of offset placed before the buffer (6.9+).</param>
/// <param name="AllocBytes">The size the search allocates for (<c>A</c>: alloc size plus kept offset).</param>
/// <param name="SlotCount">Slots held: <c>nr_slots(A)</c>.</param>
/// <param name="RecordedSize">What 5.15+ record at the first slot and free by.</param>
internal readonly record struct Placement(ulong OffsetInSlot, int PadSlots, ulong AllocBytes, int SlotCount, ulong RecordedSize)
{
    /// <summary>The 5.12–6.8 rule: keep <c>orig &amp; min_align_mask &amp; 0x7ff</c> and allocate for alloc size plus that.</summary>
    public static Placement KeepingOffsetInSlot(in MapRequest request)
    {
        ulong offset = request.OriginalAddress & request.Device.MinAlignMask & Slots.OffsetMask;
        ulong bytes = request.AllocSize + offset;
        return new(offset, 0, bytes, Slots.For(bytes), bytes - offset);
    }
}
