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
        var walk = new KnownWalks.Walk(boundary.MaskedPoolStart, area.FirstSlot, area.SlotCount, compareNullOrig || orig != 0, orig & matchMask, matchMask, stride);
        int wrap = Start(area, stride);
        int index = wrap;
        for (int step = 0; step <= area.SlotCount; step++)
        {
            int slot = area.FirstSlot + index;
            if (InClass(walk, index) && !boundary.IsCrossedBy(slot, slotCount) && slots.Fits(slot, slotCount))
                return AreaSearch.FoundAt(index);
            index = Next(walk, index);
            if (index == wrap)
                return AreaSearch.NothingFits;
        }
        return AreaSearch.NeverEnds(Evidence(boundary, area, orig, matchMask, stride, slotCount));
    }

    /// <summary>The same walk assuming nothing fits: does it come back to its start? It does exactly when the start
    /// lies on a cycle of the walk, which depends on no slot's state: the starts on cycles are found once per
    /// address class and kept in <paramref name="known"/>.</summary>
    public static EndlessSearchEvidence? Hazard(
        KnownWalks known, in SegmentBoundary boundary, in AreaView area, ulong orig, bool compareNullOrig,
        ulong matchMask, int stride, int slotCount)
    {
        var walk = new KnownWalks.Walk(boundary.MaskedPoolStart, area.FirstSlot, area.SlotCount, compareNullOrig || orig != 0, orig & matchMask, matchMask, stride);
        if (!known.StartsOnCycles.TryGetValue(walk, out bool[]? onCycle))
            known.StartsOnCycles[walk] = onCycle = StartsOnCycles(walk);
        return onCycle[Start(area, stride)] ? null : Evidence(boundary, area, orig, matchMask, stride, slotCount);
    }

    /// <summary>The indices a walk comes back to: following each unvisited index until the walk meets a visited one,
    /// a walk that meets itself has closed a cycle.</summary>
    private static bool[] StartsOnCycles(in KnownWalks.Walk walk)
    {
        var onCycle = new bool[walk.SlotCount];
        var reachedFrom = new int[walk.SlotCount];
        for (int first = 0; first < walk.SlotCount; first++)
        {
            if (reachedFrom[first] != 0)
                continue;
            int index = first;
            while (reachedFrom[index] == 0)
            {
                reachedFrom[index] = first + 1;
                index = Next(walk, index);
            }
            if (reachedFrom[index] == first + 1)
                for (int member = index; !onCycle[member]; member = Next(walk, member))
                    onCycle[member] = true;
        }
        return onCycle;
    }

    private static bool InClass(in KnownWalks.Walk walk, int index) =>
        !walk.Compare || ((walk.MaskedPoolStart + ((ulong)(walk.FirstSlot + index) << Slots.Shift)) & walk.MatchMask) == walk.Required;

    /// <summary>One slot past a start of the wrong class, <c>stride</c> past one that does not fit (<c>wrap_area_index</c>).</summary>
    private static int Next(in KnownWalks.Walk walk, int index)
    {
        int next = index + (InClass(walk, index) ? walk.Stride : 1);
        return next >= walk.SlotCount ? 0 : next;
    }

    private static int Start(in AreaView area, int stride) => area.Wrap(Slots.AlignUp(area.Cursor, stride));

    private static EndlessSearchEvidence Evidence(in SegmentBoundary boundary, in AreaView area, ulong orig, ulong matchMask, int stride, int slotCount)
    {
        int wrap = Start(area, stride);
        return new EndlessSearchEvidence(
            area.Index, area.Cursor, wrap, stride, matchMask, orig & matchMask,
            boundary.SlotAddress(area.FirstSlot + wrap) & matchMask, slotCount, area.FreeSlots);
    }
}
