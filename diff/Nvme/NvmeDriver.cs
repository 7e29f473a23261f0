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
    /// <param name="payload">The request's bytes (<c>blk_rq_payload_bytes</c>), at least what the segments hold.</param>
    public static DataPointer Map(IReadOnlyList<DataSegment> segments, ulong payload, int queueId, NvmeDriverGeneration generation, NvmeController controller)
    {
        var sglCapable = queueId != 0 && controller.SupportsSgl;
        return generation == NvmeDriverGeneration.DmaIterator
            ? MapThroughIterator(segments, payload, sglCapable, controller.SglThreshold)
            : MapScatterlist(segments, payload, sglCapable, controller.SglThreshold);
    }

    private static DataPointer MapScatterlist(IReadOnlyList<DataSegment> segments, ulong payload, bool sglCapable, uint threshold)
    {
        if (IsOneSegmentRequest(segments, payload))
        {
            if (FitsTwoPrps(segments[0]))
                return SimplePrps(segments[0]);
            if (sglCapable && threshold != 0)
                return Sgl(segments);
        }
        if (sglCapable && threshold != 0 && AverageSegment(segments, payload) >= threshold)
            return Sgl(segments);
        return ScatterlistPrpWalk.Walk(segments, payload);
    }

    private static DataPointer MapThroughIterator(IReadOnlyList<DataSegment> segments, ulong payload, bool sglCapable, uint threshold)
    {
        var forced = sglCapable && HasGapInsidePage(segments);
        if (IsOneSegmentRequest(segments, payload) && (sglCapable || FitsTwoPrps(segments[0])))
            return forced || !FitsTwoPrps(segments[0]) ? Sgl(segments) : SimplePrps(segments[0]);
        if (forced || (sglCapable && threshold != 0 && AverageSegment(segments, payload) >= threshold))
            return Sgl(segments);
        return IteratorPrpWalk.Walk(segments, payload);
    }

    /// <summary><c>blk_rq_nr_phys_segments(req) == 1</c>: one mapped segment that holds the whole payload (the DMA iterator
    /// maps later segments only when its walk reaches them, so one mapping alone does not make a one-segment request).</summary>
    private static bool IsOneSegmentRequest(IReadOnlyList<DataSegment> segments, ulong payload) => segments.Count == 1 && segments[0].Size == payload;

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
    private static ulong AverageSegment(IReadOnlyList<DataSegment> segments, ulong payload)
    {
        var count = (ulong)segments.Count;
        return (payload + count - 1) / count;
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
