using Swiotlb.Trace.Diff.Nvme;

namespace Swiotlb.Trace.Tests.Prp;

/// <summary>
/// The driver's data-pointer decision and the controller's check, on segments of the real captures (offsets-6.12.117's
/// two-segment writes, the nomask lab's bounced buffers) and on edge cases of each driver generation.
/// </summary>
public class NvmeDataPathTests
{
    private static readonly NvmeDataPath Scatterlist = new(NvmeDriverGeneration.Scatterlist, NvmeController.AssumedPrpOnly);
    private static readonly NvmeDataPath ScatterlistSgl = new(NvmeDriverGeneration.Scatterlist, new NvmeController(true, NvmeController.DefaultSglThreshold, SglEvidence.Declared));
    private static readonly NvmeDataPath Iterator = new(NvmeDriverGeneration.DmaIterator, NvmeController.AssumedPrpOnly);
    private static readonly NvmeDataPath IteratorSgl = new(NvmeDriverGeneration.DmaIterator, new NvmeController(true, NvmeController.DefaultSglThreshold, SglEvidence.Declared));

    /// <summary>Segments whose bounce address equals the original (no bounce), for the walk's own rules.</summary>
    private static DataSegment[] Unbounced(params (ulong Address, ulong Size)[] segments) => [.. segments.Select(s => new DataSegment(s.Address, s.Size, s.Address))];

    [Fact]
    public void Original_addresses_of_a_split_request_give_valid_prps()
    {
        var verdict = Scatterlist.Judge(Unbounced((0x5647200, 0xe00), (0x563d000, 0x200)), queueId: 1);

        Assert.Equal(PrpOutcome.Valid, verdict.Outcome);
        Assert.Equal(DataPointerKind.Prp1Prp2, verdict.Pointer.Kind);
        Assert.Equal([0x5647200UL, 0x563d000UL], verdict.Entries);
    }

    [Fact]
    public void Bounce_addresses_that_keep_the_offset_stay_valid()
    {
        // What Debian 6.12 really returned for that request: dma_addrs={0x37a32200,0x37a33000}.
        var verdict = Scatterlist.Judge([new(0x5647200, 0xe00, 0x37a32200), new(0x563d000, 0x200, 0x37a33000)], queueId: 1);

        Assert.Equal(PrpOutcome.Valid, verdict.Outcome);
    }

    [Fact]
    public void Slot_aligned_bounce_addresses_of_two_segments_describe_the_wrong_bytes()
    {
        // Pre-5.12: each segment starts its own slot; PRP1 covers a whole page from the first slot.
        var verdict = Scatterlist.Judge([new(0x5647200, 0xe00, 0x37a32000), new(0x563d000, 0x200, 0x37a33000)], queueId: 1);

        Assert.Equal(PrpOutcome.WrongBytes, verdict.Outcome);
        Assert.Equal(0xe00UL, verdict.FirstBadByte);
        Assert.Equal([0x37a32000UL], verdict.Entries);
    }

    [Fact]
    public void One_bounced_segment_of_up_to_two_pages_gets_prp2_from_its_original_offset_and_fails_at_the_controller()
    {
        // nomask-fio-verify-6.1.0: a 5 KiB write from offset 0x200 bounced to a page-aligned slot: PRP2 = PRP1 + 0xe00.
        var verdict = Scatterlist.Judge([new(0xe7ac200, 0x1400, 0x379f8000)], queueId: 2);

        Assert.Equal(DataPointerKind.Prp1Prp2, verdict.Pointer.Kind);
        Assert.Equal([0x379f8000UL, 0x379f8e00UL], verdict.Entries);
        Assert.Equal(PrpOutcome.MisalignedEntry, verdict.Outcome);
        Assert.Equal(1, verdict.BadEntry);
    }

    [Fact]
    public void One_segment_that_fit_its_original_page_but_not_its_slot_leaves_prp2_zero_and_moves_bytes_at_address_zero()
    {
        var verdict = Scatterlist.Judge([new(0xe7ac200, 0xe00, 0x379f8800)], queueId: 2);

        Assert.Equal(DataPointerKind.Prp1Only, verdict.Pointer.Kind);
        Assert.Equal(PrpOutcome.WrongBytes, verdict.Outcome);
        Assert.Equal(0x800UL, verdict.FirstBadByte);
    }

    [Fact]
    public void One_segment_over_two_pages_takes_the_simple_sgl_on_an_sgl_controller_and_the_prp_walk_otherwise()
    {
        DataSegment[] segment = [new(0xee26200, 0x3000, 0x37a00000)];

        Assert.Equal((DataPointerKind.Sgl, PrpOutcome.Valid), Pointed(ScatterlistSgl.Judge(segment, queueId: 1)));
        Assert.Equal((DataPointerKind.PrpList, PrpOutcome.Valid), Pointed(Scatterlist.Judge(segment, queueId: 1)));
        Assert.Equal((DataPointerKind.PrpList, PrpOutcome.Valid), Pointed(ScatterlistSgl.Judge(segment, queueId: 0)));
    }

    [Fact]
    public void Several_segments_take_sgls_only_from_the_threshold_on()
    {
        // nomask-fio-verify-6.1.0's refused write: 15872 + 43008 bytes, average 29440 < 32 KiB: the PRP walk refuses it.
        DataSegment[] refused = [new(0xe7ac200, 15872, 0x379f8000), new(0xee26000, 43008, 0x37a00000)];
        DataSegment[] large = [new(0xe7ac200, 32256, 0x379f8000), new(0xee26000, 43008, 0x37a00000)];

        Assert.Equal((DataPointerKind.NotSent, PrpOutcome.DriverRejects), Pointed(ScatterlistSgl.Judge(refused, queueId: 2)));
        Assert.Equal((DataPointerKind.Sgl, PrpOutcome.Valid), Pointed(ScatterlistSgl.Judge(large, queueId: 2)));
        Assert.Equal((DataPointerKind.NotSent, PrpOutcome.DriverRejects), Pointed(Scatterlist.Judge(large, queueId: 2)));
    }

    [Fact]
    public void A_single_segment_with_an_offset_spills_into_page_aligned_entries()
    {
        var verdict = Scatterlist.Judge(Unbounced((0x37a32200, 0x3000)), queueId: 1);

        Assert.Equal(PrpOutcome.Valid, verdict.Outcome);
        Assert.Equal([0x37a32200UL, 0x37a33000UL, 0x37a34000UL, 0x37a35000UL], verdict.Entries);
    }

    [Fact]
    public void An_inner_segment_that_starts_off_page_is_a_misaligned_entry()
    {
        var verdict = Scatterlist.Judge(Unbounced((0x10000, 0x1000), (0x20200, 0x1000), (0x30000, 0x1000)), queueId: 1);

        Assert.Equal(PrpOutcome.MisalignedEntry, verdict.Outcome);
        Assert.Equal(1, verdict.BadEntry);
    }

    [Fact]
    public void A_segment_ending_inside_a_page_with_more_to_walk_is_refused_by_the_driver()
    {
        var verdict = Scatterlist.Judge(Unbounced((0x10000, 0x1800), (0x30000, 0x1800)), queueId: 1);

        Assert.Equal((DataPointerKind.NotSent, PrpOutcome.DriverRejects), Pointed(verdict));
    }

    [Fact]
    public void A_segment_ending_inside_the_last_page_describes_the_wrong_bytes()
    {
        var verdict = Scatterlist.Judge(Unbounced((0x10000, 0x1800), (0x30000, 0x800)), queueId: 1);

        Assert.Equal(PrpOutcome.WrongBytes, verdict.Outcome);
        Assert.Equal(0x1800UL, verdict.FirstBadByte);
    }

    [Fact]
    public void The_iterator_driver_forces_sgls_for_a_gap_inside_a_page_where_the_controller_takes_them()
    {
        DataSegment[] gapped = [new(0x10200, 0x600, 0x37a00000), new(0x20000, 0x1000, 0x37a01000)];

        Assert.Equal(DataPointerKind.Sgl, IteratorSgl.Judge(gapped, queueId: 1).Pointer.Kind);
        Assert.Equal((DataPointerKind.Prp1Prp2, PrpOutcome.WrongBytes), Pointed(Iterator.Judge(gapped, queueId: 1)));
        // One segment that PRP1+PRP2 cannot hold (0x200 + 0x2000 > two pages) takes an SGL with no threshold on 6.17+.
        Assert.Equal(DataPointerKind.Sgl, IteratorSgl.Judge([new(0x10200, 0x2000, 0x37a00200)], queueId: 1).Pointer.Kind);
    }

    [Fact]
    public void The_iterator_walk_refuses_an_entry_whose_segment_is_short_where_the_scatterlist_walk_also_does()
    {
        DataSegment[] segments = [.. Unbounced((0x10000, 0x1000), (0x30000, 0x800), (0x40000, 0x1000))];

        Assert.Equal((DataPointerKind.NotSent, PrpOutcome.DriverRejects), Pointed(Iterator.Judge(segments, queueId: 1)));
        Assert.Equal((DataPointerKind.NotSent, PrpOutcome.DriverRejects), Pointed(Scatterlist.Judge(segments, queueId: 1)));
    }

    [Fact]
    public void A_release_names_its_driver()
    {
        Assert.Equal(NvmeDriverGeneration.Scatterlist, NvmeDriverGenerations.Of("6.12.117+deb13-amd64"));
        Assert.Equal(NvmeDriverGeneration.DmaIterator, NvmeDriverGenerations.Of("7.3.4+bpo-amd64"));
        Assert.Equal(NvmeDriverGeneration.Scatterlist, NvmeDriverGenerations.Of((string?)null));
    }

    private static (DataPointerKind, PrpOutcome) Pointed(PrpVerdict verdict) => (verdict.Pointer.Kind, verdict.Outcome);
}
