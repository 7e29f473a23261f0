using Swiotlb.Trace.Replay.Allocator;
using Swiotlb.Trace.Replay.Pairing;

namespace Swiotlb.Trace.Diff.Prp;

/// <summary>
/// Builds an NVMe command's PRP entries from its mapped segments the way the Linux NVMe PCI driver does
/// (<c>nvme_pci_setup_prps</c>): PRP1 is the first segment's address, with its offset; the walk then steps one
/// controller page at a time, moving to the next segment when the current one is used up, and gives up with
/// "Invalid SGL" when a segment ends inside a page. It then checks the result as the controller would:
/// every entry after the first must be page aligned, and together they must describe exactly the mapped bytes.
/// </summary>
public static class PrpBuilder
{
    public const ulong ControllerPageSize = 4096;

    /// <summary>The most a command can carry: <c>NVME_MAX_SEGS</c> mappings of at most <c>swiotlb_max_mapping_size</c> each.</summary>
    public const ulong MaxCommandBytes = NvmeCommandTracker.MaxSegments * MappingLimits.MaxMappingSize;

    public static PrpVerdict Check(IReadOnlyList<DmaSegment> segments, ulong pageSize = ControllerPageSize)
    {
        if (segments.Count == 0)
            return new PrpVerdict(PrpOutcome.Valid, []);
        if (TotalLength(segments) > MaxCommandBytes)
            return new PrpVerdict(PrpOutcome.DriverRejects, []);
        var entries = new List<ulong>();
        if (!TryWalk(segments, pageSize, entries))
            return new PrpVerdict(PrpOutcome.DriverRejects, entries);
        var misaligned = entries.FindIndex(1, entry => entry % pageSize != 0);
        if (misaligned >= 0)
            return new PrpVerdict(PrpOutcome.MisalignedEntry, entries, BadEntry: misaligned);
        var divergence = FirstDivergence(segments, entries, pageSize);
        return divergence is null
            ? new PrpVerdict(PrpOutcome.Valid, entries)
            : new PrpVerdict(PrpOutcome.WrongBytes, entries, FirstBadByte: divergence);
    }

    /// <summary>The driver's walk; false where it would reject the scatterlist.</summary>
    private static bool TryWalk(IReadOnlyList<DmaSegment> segments, ulong pageSize, List<ulong> entries)
    {
        var length = (long)TotalLength(segments);
        var page = (long)pageSize;
        var segment = 0;
        var address = segments[0].Address;
        var remainingInSegment = (long)segments[0].Length;
        entries.Add(address);

        var firstPageBytes = page - (long)(address % pageSize);
        length -= firstPageBytes;
        if (length <= 0)
            return true;
        remainingInSegment -= firstPageBytes;
        if (remainingInSegment != 0)
            address += (ulong)firstPageBytes;
        else if (!NextSegment(segments, ref segment, ref address, ref remainingInSegment))
            return false;
        while (true)
        {
            entries.Add(address);
            remainingInSegment -= page;
            address += pageSize;
            length -= page;
            if (length <= 0)
                return true;
            if (remainingInSegment > 0)
                continue;
            if (remainingInSegment < 0 || !NextSegment(segments, ref segment, ref address, ref remainingInSegment))
                return false;
        }
    }

    private static bool NextSegment(IReadOnlyList<DmaSegment> segments, ref int segment, ref ulong address, ref long remaining)
    {
        if (++segment >= segments.Count)
            return false;
        address = segments[segment].Address;
        remaining = (long)segments[segment].Length;
        return true;
    }

    /// <summary>Compares the bytes the PRPs describe with the bytes the segments hold, in payload order.</summary>
    private static ulong? FirstDivergence(IReadOnlyList<DmaSegment> segments, IReadOnlyList<ulong> entries, ulong pageSize)
    {
        var described = DescribedRanges(entries, TotalLength(segments), pageSize);
        ulong payloadOffset = 0;
        var segmentIndex = 0;
        var segmentOffset = 0UL;
        foreach (var range in described)
        {
            var rangeOffset = 0UL;
            while (rangeOffset < range.Length)
            {
                var current = segments[segmentIndex];
                var step = Math.Min(range.Length - rangeOffset, current.Length - segmentOffset);
                if (range.Address + rangeOffset != current.Address + segmentOffset)
                    return payloadOffset;
                rangeOffset += step;
                segmentOffset += step;
                payloadOffset += step;
                if (segmentOffset == current.Length)
                {
                    segmentIndex++;
                    segmentOffset = 0;
                }
            }
        }
        return null;
    }

    /// <summary>What the controller reads: from PRP1 to the end of its page, then a page (or the rest) per entry.</summary>
    private static IEnumerable<DmaSegment> DescribedRanges(IReadOnlyList<ulong> entries, ulong totalLength, ulong pageSize)
    {
        var remaining = totalLength;
        for (var i = 0; i < entries.Count && remaining > 0; i++)
        {
            var room = i == 0 ? pageSize - entries[0] % pageSize : pageSize;
            var take = Math.Min(room, remaining);
            yield return new DmaSegment(entries[i], take);
            remaining -= take;
        }
    }

    /// <summary>The segments' bytes, saturating at <see cref="ulong.MaxValue"/>.</summary>
    private static ulong TotalLength(IReadOnlyList<DmaSegment> segments)
    {
        ulong total = 0;
        foreach (var segment in segments)
            total = segment.Length > ulong.MaxValue - total ? ulong.MaxValue : total + segment.Length;
        return total;
    }
}
