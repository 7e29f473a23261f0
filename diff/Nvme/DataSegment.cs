namespace Swiotlb.Trace.Diff.Nvme;

/// <summary>One data segment of an NVMe command: where the buffer is (its original address, whose page offset the driver
/// reads from the request's bio_vec) and where the device is told to find it (the DMA, i.e. bounce, address).</summary>
public readonly record struct DataSegment(ulong Original, ulong Size, ulong Bounce);
