namespace Swiotlb.Trace.Diff.Nvme;

/// <summary>
/// The driver's data-pointer decision for one request (<c>nvme_map_data</c>), per <see cref="NvmeDriverGeneration"/>:
/// simple PRP, simple SGL, SGL list, or the PRP walk, which may refuse the layout.
/// </summary>
public static class NvmeDriver
{
    public const ulong ControllerPageSize = 4096;
    private const ulong PageMask = ControllerPageSize - 1;

    /// <param name="queueId">The submission queue: 0 is the admin queue, which never uses SGLs.</param>
    public static DataPointer Map(IReadOnlyList<DataSegment> segments, int queueId, NvmeDriverGeneration generation, NvmeController controller)
    {
        var sglCapable = queueId != 0 && controller.SupportsSgl;
        return generation == NvmeDriverGeneration.DmaIterator
            ? MapThroughIterator(segments, sglCapable, controller.SglThreshold)
            : MapScatterlist(segments, sglCapable, controller.SglThreshold);
    }

    private static DataPointer MapScatterlist(IReadOnlyList<DataSegment> segments, bool sglCapable, uint threshold)
    {
        if (segments.Count == 1)
        {
            if (FitsTwoPrps(segments[0]))
                return SimplePrps(segments[0]);
            if (sglCapable && threshold != 0)
                return Sgl(segments);
        }
        if (sglCapable && threshold != 0 && AverageSegment(segments) >= threshold)
            return Sgl(segments);
        return ScatterlistPrpWalk.Walk(segments);
    }

    private static DataPointer MapThroughIterator(IReadOnlyList<DataSegment> segments, bool sglCapable, uint threshold)
    {
        var forced = sglCapable && HasGapInsidePage(segments);
        if (segments.Count == 1 && (sglCapable || FitsTwoPrps(segments[0])))
            return forced || !FitsTwoPrps(segments[0]) ? Sgl(segments) : SimplePrps(segments[0]);
        if (forced || (sglCapable && threshold != 0 && AverageSegment(segments) >= threshold))
            return Sgl(segments);
        return IteratorPrpWalk.Walk(segments);
    }

    /// <summary>The request's one bio_vec, from its original page offset, fits PRP1's page and one more.</summary>
    private static bool FitsTwoPrps(DataSegment segment) => (segment.Original & PageMask) + segment.Size <= 2 * ControllerPageSize;

    /// <summary><c>nvme_setup_prp_simple</c>: PRP2 is PRP1 plus the room the <em>original</em> offset leaves in its page, or 0
    /// when the original buffer fits in one page, whatever the bounce address.</summary>
    private static DataPointer SimplePrps(DataSegment segment)
    {
        var firstPrpLength = ControllerPageSize - (segment.Original & PageMask);
        return segment.Size > firstPrpLength
            ? new DataPointer(DataPointerKind.Prp1Prp2, [segment.Bounce, segment.Bounce + firstPrpLength])
            : new DataPointer(DataPointerKind.Prp1Only, [segment.Bounce]);
    }

    private static DataPointer Sgl(IReadOnlyList<DataSegment> segments) => new(DataPointerKind.Sgl, [.. segments.Select(s => s.Bounce)]);

    /// <summary><c>DIV_ROUND_UP(blk_rq_payload_bytes(req), nseg)</c>.</summary>
    private static ulong AverageSegment(IReadOnlyList<DataSegment> segments)
    {
        var total = Payload(segments);
        var count = (ulong)segments.Count;
        return (total + count - 1) / count;
    }

    /// <summary><c>req_phys_gap_mask(req) &amp; (NVME_CTRL_PAGE_SIZE - 1)</c>: some inner boundary of the original buffers
    /// (a segment's end or the next one's start) is not controller-page aligned.</summary>
    private static bool HasGapInsidePage(IReadOnlyList<DataSegment> segments)
    {
        for (var i = 1; i < segments.Count; i++)
            if (((segments[i - 1].Original + segments[i - 1].Size) | segments[i].Original) % ControllerPageSize != 0)
                return true;
        return false;
    }

    /// <summary>The request's payload; segment lengths are bounded by the mapping size limit, so the sum cannot overflow.</summary>
    internal static ulong Payload(IReadOnlyList<DataSegment> segments)
    {
        ulong total = 0;
        foreach (var segment in segments)
            total = checked(total + segment.Size);
        return total;
    }
}
