namespace Swiotlb.Trace.Replay.Allocator;

/// <summary>How a kernel turns <c>swiotlb=N[,M]</c> and the CPU count into nslabs and nareas at boot.</summary>
/// <remarks>The boot-time halving of the pool when memblock allocation fails is not modelled: take the
/// size from dmesg (<c>software IO TLB: mapped [mem A-B]</c>) when a boot was that short of memory.</remarks>
public static class PoolSizing
{
    /// <summary>Kernels before 6.0: <c>swiotlb=N</c> gives N slots aligned up to a segment; there are no areas.</summary>
    public static (int SlotCount, int AreaCount) BeforeAreas(int? requestedSlots) =>
        (Slots.AlignUp(requestedSlots ?? PoolGeometry.DefaultSlotCount, Slots.SegmentSlots), 1);

    /// <summary>6.0 and later: nareas = <c>M</c> of <c>swiotlb=N,M</c> or the possible CPUs, rounded up to a power of two;
    /// nslabs aligned to a segment, then raised to at least 128 × nareas and rounded up to a power of two.</summary>
    /// <remarks>Debian 6.1 does not shrink nareas to fit a small pool at boot; neither does this.</remarks>
    public static (int SlotCount, int AreaCount) WithAreas(int? requestedSlots, int? requestedAreas, int possibleCpus)
    {
        int areas = requestedAreas ?? possibleCpus;
        areas = areas <= 0 ? 1 : (int)System.Numerics.BitOperations.RoundUpToPowerOf2((uint)areas);
        int slots = Slots.AlignUp(requestedSlots ?? PoolGeometry.DefaultSlotCount, Slots.SegmentSlots);
        slots = slots < Slots.SegmentSlots * areas
            ? Slots.SegmentSlots * areas
            : (int)System.Numerics.BitOperations.RoundUpToPowerOf2((uint)slots);
        return (slots, areas);
    }
}
