namespace Swiotlb.Trace.Replay.Pool;

/// <summary>Why a mapping found no slots, judged on the pool as it stood when the search ran.</summary>
public enum FailureCause
{
    /// <summary>Fewer free slots in the whole pool than the request needs.</summary>
    PoolExhausted,

    /// <summary>Enough free slots in the pool, but split over the areas so that no area had as many free as the request
    /// needs (6.0+: each area is searched on its own).</summary>
    AreasSplit,

    /// <summary>An area had enough free slots, but no free run long enough inside one 128-slot segment: fragmentation.</summary>
    Fragmented,

    /// <summary>A free run was long enough, but none starts at a slot with the address bits the search demands
    /// (<c>min_align_mask</c>, the allocation's alignment, page alignment).</summary>
    AddressBits,

    /// <summary>The search never ends: the CPU spins under its area's lock.</summary>
    EndlessSearch,

    /// <summary>By the capture's timestamps the pool had room, but mappings another CPU made, timestamped at most
    /// <see cref="ObservedPoolFollower.ClockSkewBoundNs"/> later, take it: across CPUs the trace clocks (or a stalled
    /// vCPU) order them after the search, while the kernel ran them before it.</summary>
    ClockSkew,

    /// <summary>The model would have found slots: the failure is not explained by the pool's state.</summary>
    Unexplained,
}
