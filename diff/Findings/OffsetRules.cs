using Swiotlb.Trace.Replay.Allocator;

namespace Swiotlb.Trace.Diff.Findings;

/// <summary>How a bounce address treats a buffer's offset.</summary>
public static class OffsetRules
{
    public const ulong PageOffsetMask = 0xfff;

    /// <summary>The buffer's offset inside its 4 KiB page survived the bounce.</summary>
    public static bool PageOffsetKept(ulong original, ulong bounce) => (original & PageOffsetMask) == (bounce & PageOffsetMask);

    /// <summary>The bounce breaks the device's own min_align_mask: for NVMe, PRPs no longer line up with the data.</summary>
    public static bool BreaksDeviceMask(ulong original, ulong bounce, DeviceDmaParameters device) =>
        (original & device.MinAlignMask) != (bounce & device.MinAlignMask);
}
