using Swiotlb.Trace.Events;

namespace Swiotlb.Trace.Replay.Allocator;

/// <summary>The arguments of one <c>swiotlb_tbl_map_single</c> call.</summary>
/// <param name="OriginalAddress"><c>orig_addr</c>, the buffer's physical address.</param>
/// <param name="MappingSize"><c>mapping_size</c>.</param>
/// <param name="AllocSize"><c>alloc_size</c> (kernels before 6.10; equal to the mapping size for streaming DMA). 6.10+ ignore it.</param>
/// <param name="AllocAlignMask"><c>alloc_align_mask</c> (6.0+; 0 for dma-direct).</param>
/// <param name="Cpu">The CPU that maps: it chooses the first area tried.</param>
public readonly record struct MapRequest(
    ulong OriginalAddress,
    ulong MappingSize,
    ulong AllocSize,
    DeviceDmaParameters Device,
    int Cpu = 0,
    ulong AllocAlignMask = 0,
    DmaDirection Direction = DmaDirection.Bidirectional,
    ulong Attributes = 0)
{
    /// <summary>A streaming mapping, where alloc size equals mapping size.</summary>
    public static MapRequest Streaming(ulong originalAddress, ulong size, DeviceDmaParameters device, int cpu = 0) =>
        new(originalAddress, size, size, device, cpu);
}
