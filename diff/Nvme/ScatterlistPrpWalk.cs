namespace Swiotlb.Trace.Diff.Nvme;

/// <summary>
/// <c>nvme_pci_setup_prps</c> (5.10–6.16): PRP1 is the first segment's DMA address with its offset; the walk then steps one
/// controller page at a time, moving to the next segment when the current one is used up, and refuses the request
/// ("Invalid SGL for payload", BLK_STS_IOERR) when a segment ends inside a page. When the first segment ends before PRP1's
/// page does, the walk steps past it anyway: the driver accepts a layout that describes other bytes.
/// </summary>
internal static class ScatterlistPrpWalk
{
    private const long Page = (long)NvmeDriver.ControllerPageSize;

    public static DataPointer Walk(IReadOnlyList<DataSegment> segments, ulong payload)
    {
        var entries = new List<ulong>((int)Math.Min(payload / (ulong)Page + 2, 1024));
        var length = (long)payload;
        var segment = 0;
        var address = segments[0].Bounce;
        var remainingInSegment = (long)segments[0].Size;
        entries.Add(address);

        var firstPageBytes = Page - (long)(address % (ulong)Page);
        length -= firstPageBytes;
        if (length <= 0)
            return DataPointer.FromPrps(entries);
        remainingInSegment -= firstPageBytes;
        if (remainingInSegment != 0)
            address += (ulong)firstPageBytes;
        else if (!NextSegment(segments, ref segment, ref address, ref remainingInSegment))
            return Refused(entries);
        while (true)
        {
            entries.Add(address);
            remainingInSegment -= Page;
            address += (ulong)Page;
            length -= Page;
            if (length <= 0)
                return DataPointer.FromPrps(entries);
            if (remainingInSegment > 0)
                continue;
            if (remainingInSegment < 0 || !NextSegment(segments, ref segment, ref address, ref remainingInSegment))
                return Refused(entries);
        }
    }

    private static DataPointer Refused(List<ulong> entries) => new(DataPointerKind.NotSent, entries);

    private static bool NextSegment(IReadOnlyList<DataSegment> segments, ref int segment, ref ulong address, ref long remaining)
    {
        if (++segment >= segments.Count)
            return false;
        address = segments[segment].Bounce;
        remaining = (long)segments[segment].Size;
        return true;
    }
}
