namespace Swiotlb.Trace.Diff.Nvme;

/// <summary>One mapped scatterlist entry as the device sees it: a DMA address and a length.</summary>
public readonly record struct DmaSegment(ulong Address, ulong Length)
{
    public ulong End => Address + Length;
}
