namespace Swiotlb.Trace.Diff.Nvme;

/// <summary>
/// What the controller does with a data pointer (NVMe base specification, PRP rules, as QEMU's emulated controller applies
/// them in <c>nvme_map_prp</c>): PRP1 may carry an offset and covers the rest of its page; PRP2 is data when one page
/// remains, else a list; PRP2 as data and every list entry must be page aligned, or the command fails with Invalid PRP
/// Offset. A PRP2 of 0 is aligned: the controller moves the data at bus address 0. Then the bytes the PRPs describe are
/// compared with the mapped segments, in payload order. An SGL describes each segment exactly.
/// </summary>
public static class NvmeControllerCheck
{
    private const ulong Page = NvmeDriver.ControllerPageSize;

    /// <param name="payload">The command's bytes; beyond what the segments hold, whatever the PRPs describe is misdirected.</param>
    public static PrpVerdict Check(DataPointer pointer, IReadOnlyList<DataSegment> segments, ulong payload)
    {
        switch (pointer.Kind)
        {
            case DataPointerKind.NotSent:
                return new PrpVerdict(PrpOutcome.DriverRejects, pointer);
            case DataPointerKind.Sgl:
                return new PrpVerdict(PrpOutcome.Valid, pointer);
        }
        var length = payload;
        if (!DescribesPayload(pointer, length, out var misaligned))
            return new PrpVerdict(PrpOutcome.WrongBytes, pointer, FirstBadByte: Math.Min(length, Page - pointer.Entries[0] % Page));
        if (misaligned is { } entry)
            return new PrpVerdict(PrpOutcome.MisalignedEntry, pointer, BadEntry: entry);
        return FirstDivergence(segments, pointer.Entries, length) is { } divergence
            ? new PrpVerdict(PrpOutcome.WrongBytes, pointer, FirstBadByte: divergence)
            : new PrpVerdict(PrpOutcome.Valid, pointer);
    }

    /// <summary>Whether the controller takes the PRPs as the payload's: false when more than a page remains after PRP1
    /// but the driver wrote PRP2 as data (the controller then reads a PRP list from the data itself, and moves bytes no
    /// one chose). <paramref name="misaligned"/> is the first entry after PRP1 that is not page aligned.</summary>
    private static bool DescribesPayload(DataPointer pointer, ulong length, out int? misaligned)
    {
        misaligned = null;
        var entries = pointer.Entries;
        var remaining = length - FirstRangeLength(entries[0], length);
        if (remaining == 0)
            return true;
        if (pointer.Kind != DataPointerKind.PrpList && remaining > Page)
            return false;
        for (var i = 1; remaining > 0; i++)
        {
            if (EntryAt(entries, i) % Page != 0)
            {
                misaligned = i;
                return true;
            }
            remaining -= Math.Min(remaining, Page);
        }
        return true;
    }

    /// <summary>PRP1 covers the rest of its page.</summary>
    private static ulong FirstRangeLength(ulong prp1, ulong length) => Math.Min(length, Page - prp1 % Page);

    /// <summary>A list entry, or 0 (bus address 0) past the entries the driver wrote.</summary>
    private static ulong EntryAt(IReadOnlyList<ulong> entries, int i) => i < entries.Count ? entries[i] : 0;

    /// <summary>The first payload byte whose address in the ranges the PRPs describe (PRP1 to the end of its page, then a
    /// page per entry) is not where the mapped segments put it; null when all agree.</summary>
    private static ulong? FirstDivergence(IReadOnlyList<DataSegment> segments, IReadOnlyList<ulong> entries, ulong length)
    {
        ulong payloadOffset = 0;
        var segmentIndex = 0;
        var segmentOffset = 0UL;
        var remaining = length;
        for (var i = 0; remaining > 0; i++)
        {
            var address = i == 0 ? entries[0] : EntryAt(entries, i);
            var rangeLength = i == 0 ? FirstRangeLength(entries[0], length) : Math.Min(remaining, Page);
            remaining -= rangeLength;
            var rangeOffset = 0UL;
            while (rangeOffset < rangeLength)
            {
                if (segmentIndex == segments.Count)
                    return payloadOffset;
                var current = segments[segmentIndex];
                var step = Math.Min(rangeLength - rangeOffset, current.Size - segmentOffset);
                if (address + rangeOffset != current.Bounce + segmentOffset)
                    return payloadOffset;
                rangeOffset += step;
                segmentOffset += step;
                payloadOffset += step;
                if (segmentOffset == current.Size)
                {
                    segmentIndex++;
                    segmentOffset = 0;
                }
            }
        }
        return null;
    }
}
