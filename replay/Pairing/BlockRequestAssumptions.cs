using Swiotlb.Trace.Events;

namespace Swiotlb.Trace.Replay.Pairing;

/// <summary>
/// What a replay from block requests alone must assume, since such a capture holds no addresses: the buffers' in-page
/// offsets, and the device each block device number maps through (blktrace names a disk, not the PCI function that bounces).
/// </summary>
/// <param name="DeviceNames">Block device numbers the user named a DMA device for (<c>--block-device 259,1=0000:00:04.0</c>).</param>
public sealed record BlockRequestAssumptions(BufferOffsetAssumption Offsets, IReadOnlyDictionary<DeviceNumber, string> DeviceNames)
{
    public static BlockRequestAssumptions Defaults { get; } = new(BufferOffsetAssumption.Default, new Dictionary<DeviceNumber, string>());

    /// <summary>The DMA device a block device's requests are mapped for: the one named, else a placeholder <c>block MAJ,MIN</c>.</summary>
    public string DeviceName(DeviceNumber device) => DeviceNames.GetValueOrDefault(device) ?? $"block {device}";

    /// <summary>Every assumption, as sentences for the reports.</summary>
    public IReadOnlyList<string> Describe() =>
    [
        "no addresses in the capture: each block request is replayed as bounced mappings sized from its bytes, mapped at its issue and released at its completion",
        $"one mapping per request (the real split follows the buffer's physical pages, which the capture does not show), in pieces of at most {BlockRequestLayout.MaxMappingBytes / 1024} KiB (swiotlb_max_mapping_size for NVMe)",
        Offsets.Describe(),
        $"block devices are named 'block MAJ,MIN' unless given with --block-device MAJ,MIN=PCI; min_align_mask 0xfff for major {DeviceClassifier.BlkextMajor} (blkext: NVMe namespaces), 0 otherwise, unless set with --device",
    ];
}
