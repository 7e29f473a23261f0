using Swiotlb.Trace.Diff.Findings;
using Swiotlb.Trace.Diff.Nvme;

namespace Swiotlb.Trace.Tests.Replaying;

/// <summary>fio-mixed-6.1.0's multi-segment NVMe commands: broken under linux-5.10, intact under the kernel's own linux-6.1.</summary>
public class PrpFindingTests
{
    private static readonly ReplaySummary Summary = ReplayRuns.Of("fio-mixed-6.1.0/trace.txt").Summary;

    [Fact]
    public void Commands_break_before_the_fix_and_none_after()
    {
        Assert.Equal(["linux-5.10", "linux-6.1"], Summary.Models);
        Assert.True(Summary.Count("linux-5.10", FindingKind.Prp) > 0);
        Assert.Equal(0, Summary.Count("linux-6.1", FindingKind.Prp));
        Assert.Equal(0, Summary.Count(ReplaySummary.Observed, FindingKind.Prp));
        Assert.All(Summary.CommandFindings, f => Assert.Equal("linux-5.10", f.Model));
        Assert.All(Summary.CommandFindings, f => Assert.True(f.Segments.Count > 1, "a one-segment command cannot break"));
    }

    [Fact]
    public void Broken_commands_match_hand_computed_prps()
    {
        foreach (var finding in Summary.CommandFindings.Take(5))
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
