namespace Swiotlb.Trace.Replay.Allocator.Generations;

/// <summary>The search of 6.3 and later: from the unaligned cursor, at most one pass over the area
/// (<c>slots_checked &lt; area_nslabs</c>), so it always ends.</summary>
internal static class BoundedProbe
{
    /// <param name="zeroBitsMask">Address bits a start slot must have clear (6.9+; 0 for 6.3–6.8).</param>
    /// <param name="matchMask">Address bits a start slot must share with <c>orig</c> (skipped when <c>orig == 0</c>).</param>
    public static AreaSearch Search(
        SlotTable slots, in SegmentBoundary boundary, in AreaView area, ulong orig,
        ulong zeroBitsMask, ulong matchMask, int stride, int slotCount)
    {
        if (slotCount > area.FreeSlots)
            return AreaSearch.NotEnoughFreeSlots;
        ulong required = orig & matchMask;
        int index = area.Cursor;
        for (int checkedSlots = 0; checkedSlots < area.SlotCount;)
        {
            int slot = area.FirstSlot + index;
            ulong address = boundary.SlotAddress(slot);
            if ((address & zeroBitsMask) != 0 || (orig != 0 && (address & matchMask) != required))
            {
                index = area.Wrap(index + 1);
                checkedSlots++;
                continue;
            }
            if (!boundary.IsCrossedBy(slot, slotCount) && slots.Fits(slot, slotCount))
                return AreaSearch.FoundAt(index);
            index = area.Wrap(index + stride);
            checkedSlots += stride;
        }
        return AreaSearch.NothingFits;
    }
}
