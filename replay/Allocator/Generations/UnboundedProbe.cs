namespace Swiotlb.Trace.Replay.Allocator.Generations;

/// <summary>The search of 5.12–6.2: from the cursor aligned to the stride, step one slot past starts of the wrong
/// address class and <c>stride</c> slots past starts that do not fit, until back at the start.</summary>
/// <remarks>The kernel's loop only ends on coming back to exactly its start. When the start slot is of the wrong class
/// the walk can cycle through the other class forever. The walk is a function of the index alone (the state does not
/// change under the lock), so a walk of more steps than the area has slots has provably entered such a cycle: that
/// is reported as an endless search instead of looping.</remarks>
internal static class UnboundedProbe
{
    /// <param name="compareNullOrig">False from 5.16: <c>orig == 0</c> skips the address-class test.</param>
    public static AreaSearch Search(
        SlotTable slots, in SegmentBoundary boundary, in AreaView area, ulong orig, bool compareNullOrig,
        ulong matchMask, int stride, int slotCount)
    {
        if (slotCount > area.FreeSlots)
            return AreaSearch.NotEnoughFreeSlots;
        return Walk(slots, boundary, area, orig, compareNullOrig, matchMask, stride, slotCount);
    }

    /// <summary>The same walk assuming nothing fits: does it come back to its start?</summary>
    public static EndlessSearchEvidence? Hazard(
        in SegmentBoundary boundary, in AreaView area, ulong orig, bool compareNullOrig, ulong matchMask, int stride, int slotCount)
    {
        AreaSearch walk = Walk(null, boundary, area, orig, compareNullOrig, matchMask, stride, slotCount);
        return walk.Outcome == MapOutcome.EndlessSearch ? walk.Endless : null;
    }

    private static AreaSearch Walk(
        SlotTable? slots, in SegmentBoundary boundary, in AreaView area, ulong orig, bool compareNullOrig,
        ulong matchMask, int stride, int slotCount)
    {
        ulong required = orig & matchMask;
        bool compare = compareNullOrig || orig != 0;
        int wrap = area.Wrap(Slots.AlignUp(area.Cursor, stride));
        int index = wrap;
        for (int step = 0; step <= area.SlotCount; step++)
        {
            int slot = area.FirstSlot + index;
            if (compare && (boundary.SlotAddress(slot) & matchMask) != required)
            {
                index = area.Wrap(index + 1);
            }
            else
            {
                if (slots is not null && !boundary.IsCrossedBy(slot, slotCount) && slots.Fits(slot, slotCount))
                    return AreaSearch.FoundAt(index);
                index = area.Wrap(index + stride);
            }
            if (index == wrap)
                return AreaSearch.NothingFits;
        }
        return AreaSearch.NeverEnds(new EndlessSearchEvidence(
            area.Index, area.Cursor, wrap, stride, matchMask, required,
            boundary.SlotAddress(area.FirstSlot + wrap) & matchMask, slotCount, area.FreeSlots));
    }
}
