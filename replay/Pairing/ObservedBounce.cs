namespace Swiotlb.Trace.Replay.Pairing;

/// <summary>Where a capture showed the bounce address of a mapping.</summary>
public enum BounceSource
{
    /// <summary>A kprobe on <c>swiotlb_tbl_map_single</c> and its return probe.</summary>
    Kprobe,
    /// <summary>A <c>dma:dma_map_page</c> or <c>dma:dma_map_sg</c> event (6.12+).</summary>
    DmaEvent,
}

/// <summary>One mapping whose original and bounce addresses the capture shows.</summary>
public readonly record struct ObservedBounce(string Device, ulong OriginalAddress, ulong BounceAddress, ulong Size, BounceSource Source, int Cpu, long TimestampNs)
{
    /// <summary>The buffer's offset inside its 4 KiB page.</summary>
    public ulong PageOffset => OriginalAddress & 0xfff;

    /// <summary>True when the bounce address kept the buffer's offset inside its page.</summary>
    public bool PageOffsetKept => (BounceAddress & 0xfff) == PageOffset;
}
