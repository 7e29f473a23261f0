using Swiotlb.Trace.Diff.Prp;

namespace Swiotlb.Trace.Tests.Prp;

/// <summary>PRPs built by hand from segments of the real captures (offsets-6.12.117's two-segment writes) and from edge cases.</summary>
public class PrpBuilderTests
{
    [Fact]
    public void Original_addresses_of_a_split_request_give_valid_prps()
    {
        var verdict = PrpBuilder.Check([new(0x5647200, 0xe00), new(0x563d000, 0x200)]);

        Assert.Equal(PrpOutcome.Valid, verdict.Outcome);
        Assert.Equal([0x5647200UL, 0x563d000UL], verdict.Entries);
    }

    [Fact]
    public void Bounce_addresses_that_keep_the_offset_stay_valid()
    {
        // What Debian 6.12 really returned for that request: dma_addrs={0x37a32200,0x37a33000}.
        var verdict = PrpBuilder.Check([new(0x37a32200, 0xe00), new(0x37a33000, 0x200)]);

        Assert.Equal(PrpOutcome.Valid, verdict.Outcome);
    }

    [Fact]
    public void Slot_aligned_bounce_addresses_describe_the_wrong_bytes()
    {
        // Pre-5.12: each segment starts its own slot; PRP1 covers a whole page from the first slot.
        var verdict = PrpBuilder.Check([new(0x37a32000, 0xe00), new(0x37a33000, 0x200)]);

        Assert.Equal(PrpOutcome.WrongBytes, verdict.Outcome);
        Assert.Equal(0xe00UL, verdict.FirstBadByte);
        Assert.Equal([0x37a32000UL], verdict.Entries);
    }

    [Fact]
    public void A_single_segment_that_lost_its_offset_is_still_valid()
    {
        Assert.Equal(PrpOutcome.Valid, PrpBuilder.Check([new(0x37a32000, 0x3000)]).Outcome);
    }

    [Fact]
    public void A_single_segment_with_an_offset_spills_into_page_aligned_entries()
    {
        var verdict = PrpBuilder.Check([new(0x37a32200, 0x3000)]);

        Assert.Equal(PrpOutcome.Valid, verdict.Outcome);
        Assert.Equal([0x37a32200UL, 0x37a33000UL, 0x37a34000UL, 0x37a35000UL], verdict.Entries);
    }

    [Fact]
    public void An_inner_segment_that_starts_off_page_is_a_misaligned_entry()
    {
        var verdict = PrpBuilder.Check([new(0x10000, 0x1000), new(0x20200, 0x1000), new(0x30000, 0x1000)]);

        Assert.Equal(PrpOutcome.MisalignedEntry, verdict.Outcome);
        Assert.Equal(1, verdict.BadEntry);
    }

    [Fact]
    public void A_segment_ending_inside_a_page_with_more_to_walk_is_rejected_by_the_driver()
    {
        var verdict = PrpBuilder.Check([new(0x10000, 0x1800), new(0x30000, 0x1800)]);

        Assert.Equal(PrpOutcome.DriverRejects, verdict.Outcome);
    }

    [Fact]
    public void A_segment_ending_inside_the_last_page_describes_the_wrong_bytes()
    {
        var verdict = PrpBuilder.Check([new(0x10000, 0x1800), new(0x30000, 0x800)]);

        Assert.Equal(PrpOutcome.WrongBytes, verdict.Outcome);
        Assert.Equal(0x1800UL, verdict.FirstBadByte);
    }
}
