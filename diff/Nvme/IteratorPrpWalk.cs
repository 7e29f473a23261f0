namespace Swiotlb.Trace.Diff.Nvme;

/// <summary>
/// <c>nvme_pci_setup_data_prp</c> (6.17+): the PRP walk over the block layer's DMA iterator, one mapped segment at a time.
/// PRP1 takes what is left of its page; PRP2 points at data when the rest fits one page; otherwise each list entry takes a
/// page, and an entry whose segment holds less than that refuses the request ("Incorrectly formed request", BLK_STS_IOERR).
/// The iterator's length is a 32-bit count that PRP1 may overrun (a first segment shorter than PRP1's page): it then wraps,
/// and the walk goes on past the segment's end as the kernel does.
/// </summary>
internal static class IteratorPrpWalk
{
    private const uint Page = (uint)NvmeDriver.ControllerPageSize;

    public static DataPointer Walk(IReadOnlyList<DataSegment> segments, ulong payload)
    {
        var entries = new List<ulong>();
        var iterator = new Iterator(segments);
        var length = (uint)payload;

        entries.Add(iterator.Address);
        var taken = Math.Min(length, Page - (uint)(iterator.Address % Page));
        iterator.Advance(taken);
        length -= taken;
        if (length == 0)
            return DataPointer.FromPrps(entries);
        if (!iterator.Next())
            return Refused(entries);
        if (length <= Page)
        {
            entries.Add(iterator.Address);
            return DataPointer.FromPrps(entries);
        }
        while (true)
        {
            entries.Add(iterator.Address);
            taken = Math.Min(length, Page);
            if (iterator.Length < taken)
                return Refused(entries);
            iterator.Advance(taken);
            length -= taken;
            if (length == 0)
                return DataPointer.FromPrps(entries);
            if (!iterator.Next())
                return Refused(entries);
        }
    }

    private static DataPointer Refused(List<ulong> entries) => new(DataPointerKind.NotSent, entries);

    /// <summary><c>struct blk_dma_iter</c>: the current segment's address and its 32-bit remaining length.</summary>
    private sealed class Iterator(IReadOnlyList<DataSegment> segments)
    {
        private int _segment;

        public ulong Address { get; private set; } = segments[0].Bounce;
        public uint Length { get; private set; } = (uint)segments[0].Size;

        public void Advance(uint bytes)
        {
            Address += bytes;
            Length = unchecked(Length - bytes);
        }

        /// <summary><c>nvme_pci_prp_iter_next</c>: stay in the segment while it has bytes, else take the next one.</summary>
        public bool Next()
        {
            if (Length != 0)
                return true;
            if (++_segment >= segments.Count)
                return false;
            Address = segments[_segment].Bounce;
            Length = (uint)segments[_segment].Size;
            return true;
        }
    }
}
