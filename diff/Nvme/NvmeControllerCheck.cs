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
        var described = Described(pointer, length, out var misaligned);
        if (described is null)
            return new PrpVerdict(PrpOutcome.WrongBytes, pointer, FirstBadByte: Math.Min(length, Page - pointer.Entries[0] % Page));
        if (misaligned is { } entry)
            return new PrpVerdict(PrpOutcome.MisalignedEntry, pointer, BadEntry: entry);
        return FirstDivergence(segments, described) is { } divergence
            ? new PrpVerdict(PrpOutcome.WrongBytes, pointer, FirstBadByte: divergence)
            : new PrpVerdict(PrpOutcome.Valid, pointer);
    }

    /// <summary>The ranges the controller moves: PRP1 to the end of its page, then PRP2 as data (0 when the driver left it
    /// out) or a page per list entry. Null when more than a page remains after PRP1 but the driver wrote PRP2 as data: the
    /// controller then reads a PRP list from the data itself, and moves bytes no one chose.</summary>
    private static List<DmaSegment>? Described(DataPointer pointer, ulong length, out int? misaligned)
    {
        misaligned = null;
        var entries = pointer.Entries;
        var first = Math.Min(length, Page - entries[0] % Page);
        var ranges = new List<DmaSegment> { new(entries[0], first) };
        var remaining = length - first;
        if (remaining == 0)
            return ranges;
        if (pointer.Kind != DataPointerKind.PrpList && remaining > Page)
            return null;
        for (var i = 1; remaining > 0; i++)
        {
            var entry = i < entries.Count ? entries[i] : 0;
            if (entry % Page != 0)
            {
                misaligned = i;
                return ranges;
            }
            var take = Math.Min(remaining, Page);
            ranges.Add(new DmaSegment(entry, take));
            remaining -= take;
        }
        return ranges;
    }

    private static ulong? FirstDivergence(IReadOnlyList<DataSegment> segments, List<DmaSegment> described)
    {
        ulong payloadOffset = 0;
        var segmentIndex = 0;
        var segmentOffset = 0UL;
        foreach (var range in described)
        {
            var rangeOffset = 0UL;
            while (rangeOffset < range.Length)
            {
                if (segmentIndex == segments.Count)
                    return payloadOffset;
                var current = segments[segmentIndex];
                var step = Math.Min(range.Length - rangeOffset, current.Size - segmentOffset);
                if (range.Address + rangeOffset != current.Bounce + segmentOffset)
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
