using Swiotlb.Trace.Diff.Findings;
using Swiotlb.Trace.Diff.Findings.Rules;
using Swiotlb.Trace.Diff.Nvme;

namespace Swiotlb.Trace.Tests.Replaying;

/// <summary>fio-mixed-6.1.0's NVMe commands: broken under linux-5.10, intact under the kernel's own linux-6.1. Nothing shows
/// whether its controller takes SGLs, so PRPs only are assumed: one-segment commands of up to two pages take the driver's
/// simple PRP path, several segments the PRP walk.</summary>
public class PrpFindingTests
{
    private static readonly ReplaySummary Summary = ReplayRuns.Of("fio-mixed-6.1.0/trace.txt").Summary;

    [Fact]
    public void Commands_break_before_the_fix_and_none_after()
    {
        Assert.Equal(["linux-5.10", "linux-6.1"], Summary.Models.Select(m => m.Name));
        Assert.True(Summary.Count(ModelKey.Of("linux-5.10"), FindingRules.Prp) > 0);
        Assert.Equal(0, Summary.Count(ModelKey.Of("linux-6.1"), FindingRules.Prp));
        Assert.Equal(0, Summary.Count(ModelKey.Observed, FindingRules.Prp));
        Assert.All(Summary.CommandFindings, f => Assert.Equal(ModelKey.Of("linux-5.10"), f.Model));
        Assert.Equal(0, Summary.Count(FindingRules.Observed));
    }

    [Fact]
    public void One_segment_commands_break_only_through_prp2_computed_from_the_original_offset()
    {
        var single = Summary.CommandFindings.Where(f => f.Segments.Count == 1).ToList();

        Assert.NotEmpty(single);
        foreach (var finding in single)
        {
            // nvme_setup_prp_simple: PRP2 = PRP1 + (4096 - original page offset); the bounce dropped the offset.
            var segment = finding.Segments[0];
            Assert.True((segment.Original & 0xfff) + segment.Size <= 0x2000, "a longer segment takes the PRP walk");
            Assert.NotEqual(segment.Original & 0xfff, segment.Bounce & 0xfff);
            var firstPrpLength = 0x1000 - (segment.Original & 0xfff);
            if (segment.Size > firstPrpLength)
            {
                Assert.Equal([segment.Bounce, segment.Bounce + firstPrpLength], finding.Verdict.Entries);
                Assert.Equal((DataPointerKind.Prp1Prp2, PrpOutcome.MisalignedEntry), (finding.Verdict.Pointer.Kind, finding.Verdict.Outcome));
            }
            else
            {
                // The original fit its page, so PRP2 is 0; the bounce does not fit PRP1's page: the rest moves at bus address 0.
                Assert.True(segment.Size > 0x1000 - (segment.Bounce & 0xfff));
                Assert.Equal((DataPointerKind.Prp1Only, PrpOutcome.WrongBytes), (finding.Verdict.Pointer.Kind, finding.Verdict.Outcome));
                Assert.Equal(0x1000 - (segment.Bounce & 0xfff), finding.Verdict.FirstBadByte);
            }
        }
    }

    [Fact]
    public void Broken_commands_match_hand_computed_prps()
    {
        foreach (var finding in Summary.CommandFindings.Where(f => f.Segments.Count > 1).Take(5))
        {
            // By hand: PRP1 is the first bounce address; the walk steps 4 KiB at a time from the page after it.
            var first = finding.Segments[0];
            Assert.Equal(first.Bounce, finding.Verdict.Entries[0]);
            Assert.Equal(0UL, first.Bounce & 0xfff);
            var total = finding.Segments.Aggregate(0UL, (sum, s) => sum + s.Size);
            // The first segment is not a whole number of pages, so the walk runs off its end: the driver refuses it
            // when more than a page remains, and otherwise the PRPs point past the segment.
            Assert.NotEqual(0UL, first.Size & 0xfff);
            var expected = total - (first.Size & ~0xfffUL) > 0x1000 ? PrpOutcome.DriverRejects : PrpOutcome.WrongBytes;
            Assert.Equal(expected, finding.Verdict.Outcome);
            for (var i = 1; i < finding.Verdict.Entries.Count; i++)
                Assert.Equal(first.Bounce + (ulong)i * 0x1000, finding.Verdict.Entries[i]);
        }
    }
}
