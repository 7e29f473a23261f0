namespace Swiotlb.Trace.Replay.Allocator;

public enum MapOutcome
{
    /// <summary>Slots were found; <see cref="MapResult.Allocation"/> says where.</summary>
    Mapped,

    /// <summary>Every area tried failed fast: fewer free slots than the request needs.</summary>
    PoolFull,

    /// <summary>Enough free slots, but no run that fits the alignment, span and size rules.</summary>
    NoFit,

    /// <summary>The kernel's search would never end: it spins forever holding the area lock.</summary>
    EndlessSearch,
}

/// <summary>Slots an allocation holds.</summary>
/// <param name="BounceAddress">The address the kernel returns: buffer slot start + offset kept inside the slot.</param>
/// <param name="StartSlot">First slot held, pad slots included (pool-wide index).</param>
/// <param name="SlotCount">Slots held, pad slots included.</param>
/// <param name="Area">The area owning the slots.</param>
/// <param name="PadSlots">Whole slots before the buffer (6.9+ with an alignment larger than a slot).</param>
public readonly record struct Allocation(ulong BounceAddress, int StartSlot, int SlotCount, int Area, int PadSlots)
{
    public int EndSlot => StartSlot + SlotCount;

    public bool Overlaps(in Allocation other) => StartSlot < other.EndSlot && other.StartSlot < EndSlot;
}

/// <summary>Why a search can never return: the walk cycles through slots of the required address class without
/// coming back to its start, and none of them fits.</summary>
/// <param name="Area">The area whose lock the CPU spins under.</param>
/// <param name="Cursor">The area's cursor when the search began.</param>
/// <param name="Wrap">Where the search started (cursor aligned to the stride) and must come back to.</param>
/// <param name="MatchMask">Address bits a start slot must share with <c>orig</c>.</param>
/// <param name="RequiredBits"><c>orig &amp; MatchMask</c>.</param>
/// <param name="WrapBits">The start slot's own bits under <see cref="MatchMask"/>: they differ from <see cref="RequiredBits"/>.</param>
/// <param name="FreeSlots">Free slots in the area: at least <see cref="SlotsNeeded"/>, so the fail-fast test passed.</param>
public readonly record struct EndlessSearchEvidence(
    int Area,
    int Cursor,
    int Wrap,
    int Stride,
    ulong MatchMask,
    ulong RequiredBits,
    ulong WrapBits,
    int SlotsNeeded,
    int FreeSlots);

/// <summary>The answer of one map: an allocation, a failure, or the kernel's endless search.</summary>
public readonly record struct MapResult(MapOutcome Outcome, Allocation Allocation, EndlessSearchEvidence Endless)
{
    public bool IsMapped => Outcome == MapOutcome.Mapped;

    public static MapResult Mapped(in Allocation allocation) => new(MapOutcome.Mapped, allocation, default);

    public static MapResult Failed(MapOutcome outcome) => new(outcome, default, default);

    public static MapResult EndlessSearchAt(in EndlessSearchEvidence evidence) => new(MapOutcome.EndlessSearch, default, evidence);
}
