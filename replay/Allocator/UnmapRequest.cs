using Swiotlb.Trace.Events;

namespace Swiotlb.Trace.Replay.Allocator;

/// <summary>The arguments of one <c>swiotlb_tbl_unmap_single</c> call.</summary>
/// <param name="BounceAddress"><c>tlb_addr</c>, as the map returned it.</param>
/// <param name="AllocSize">The caller's <c>alloc_size</c>: what 5.10–5.14 free by, since they record nothing per slot.</param>
public readonly record struct UnmapRequest(
    ulong BounceAddress,
    ulong MappingSize,
    ulong AllocSize,
    DeviceDmaParameters Device,
    DmaDirection Direction = DmaDirection.Bidirectional,
    ulong Attributes = 0)
{
    /// <summary>The unmap of a mapping made by <paramref name="map"/> at <paramref name="bounceAddress"/>.</summary>
    public static UnmapRequest Releasing(in MapRequest map, ulong bounceAddress) =>
        new(bounceAddress, map.MappingSize, map.AllocSize, map.Device, map.Direction, map.Attributes);
}
