namespace Swiotlb.Trace.Replay.Allocator;

/// <summary>One area as a search sees it when it takes the area lock.</summary>
/// <param name="FirstSlot">Pool-wide index of the area's slot 0 (<c>slot_base</c>).</param>
/// <param name="Cursor">The area's next-search index (<c>index</c>), relative to the area.</param>
/// <param name="Used">Slots in use in the area.</param>
internal readonly record struct AreaView(int Index, int FirstSlot, int SlotCount, int Cursor, int Used)
{
    public int FreeSlots => SlotCount - Used;

    /// <summary><c>wrap_area_index</c>: an index at or past the end becomes 0.</summary>
    public int Wrap(int index) => index >= SlotCount ? 0 : index;
}

/// <summary>What the search of one area found: an area-relative start index, or why not.</summary>
internal readonly record struct AreaSearch(MapOutcome Outcome, int Index, EndlessSearchEvidence Endless)
{
    public static readonly AreaSearch NotEnoughFreeSlots = new(MapOutcome.PoolFull, 0, default);
    public static readonly AreaSearch NothingFits = new(MapOutcome.NoFit, 0, default);

    public static AreaSearch FoundAt(int index) => new(MapOutcome.Mapped, index, default);

    public static AreaSearch NeverEnds(in EndlessSearchEvidence evidence) => new(MapOutcome.EndlessSearch, 0, evidence);
}
