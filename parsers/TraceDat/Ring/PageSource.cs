namespace Swiotlb.Trace.TraceDat.Ring;

/// <summary>One CPU's ring-buffer pages, one at a time; the returned page is valid until the next call.</summary>
internal interface IPageSource
{
    /// <summary>The next page and its file offset (for a compressed chunk: the chunk's offset); false at the end of the CPU's data.</summary>
    /// <exception cref="RingDataException">The data is truncated or corrupt.</exception>
    bool TryNextPage(out ArraySegment<byte> page, out long fileOffset);
}
