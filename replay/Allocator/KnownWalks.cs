namespace Swiotlb.Trace.Replay.Allocator;

/// <summary>Where the unbounded search's walk comes back to its start, kept by one model per address class: a walk can
/// take as many steps as the area has slots, and the hazard is asked for every mapping.</summary>
internal sealed class KnownWalks
{
    /// <summary>Everything a walk's course depends on, its start aside: the slot addresses it compares (pool start
    /// under the boundary mask, area), whether it compares, the class it looks for, and its stride.</summary>
    public readonly record struct Walk(
        ulong MaskedPoolStart, int FirstSlot, int SlotCount, bool Compare, ulong Required, ulong MatchMask, int Stride);

    /// <summary>Per walk, which area-relative starts lie on one of its cycles (and so are come back to).</summary>
    public Dictionary<Walk, bool[]> StartsOnCycles { get; } = [];
}
