namespace Swiotlb.Trace.Replay.Allocator;

/// <summary>What swiotlb reads from <c>struct device</c>.</summary>
/// <param name="MinAlignMask"><c>dma_get_min_align_mask</c>: 0xfff for NVMe, 0 for devices that never set it.</param>
/// <param name="SegmentBoundaryMask"><c>dma_get_seg_boundary</c>: 4 GiB − 1 unless the driver says otherwise.</param>
/// <param name="DmaMask">The device's DMA mask (not used by the search; carried for reports).</param>
public readonly record struct DeviceDmaParameters(
    ulong MinAlignMask,
    ulong SegmentBoundaryMask = DeviceDmaParameters.DefaultSegmentBoundary,
    ulong DmaMask = ulong.MaxValue)
{
    public const ulong DefaultSegmentBoundary = 0xFFFF_FFFF;
    public const ulong NvmeMinAlignMask = 0xFFF;

    public static DeviceDmaParameters Nvme => new(NvmeMinAlignMask);
    public static DeviceDmaParameters WithoutMinAlignMask => new(0);
}
