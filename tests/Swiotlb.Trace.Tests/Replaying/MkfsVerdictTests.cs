using Swiotlb.Trace.Diff.Findings;
using Swiotlb.Trace.Diff.Findings.Rules;
using Swiotlb.Trace.Diff.Nvme;

namespace Swiotlb.Trace.Tests.Replaying;

/// <summary>The bug report's own reproduction (mkfs.xfs on NVMe), replayed: the figures the README's verdict quotes.</summary>
public class MkfsVerdictTests
{
    private static readonly ReplaySummary Summary = ReplayRuns.Of("mkfs-xfs-6.1.0/trace.txt").Summary;

    [Fact]
    public void The_fixed_kernel_kept_every_offset()
    {
        var observed = Row(ModelKey.Observed.Name);

        Assert.Equal((98L, 75L, 0L, 91L, 0L), (observed.Mappings, observed.WithPageOffset, observed.OffsetsLost, observed.CommandsChecked, observed.CommandsBroken));
        Assert.Equal(0, Row("linux-6.1").CommandsBroken);
    }

    [Fact]
    public void Before_the_fix_one_command_fails_with_an_io_error_and_five_move_wrong_bytes()
    {
        var before = Row("linux-5.10");
        var broken = Summary.CommandFindings.Where(f => f.Model.Name == "linux-5.10").ToList();

        Assert.Equal((72L, 80L, 6L), (before.OffsetsLost, before.Findings(FindingRules.Truncation), before.CommandsBroken));
        var rejected = Assert.Single(broken, f => f.Verdict.Outcome == PrpOutcome.DriverRejects);
        Assert.Equal([3584UL, 12288UL, 512UL], rejected.Segments.Select(s => s.Size));
        Assert.Equal(5, broken.Count(f => f.Verdict.Outcome == PrpOutcome.WrongBytes && f.Segments.Select(s => s.Size).SequenceEqual([3072UL, 1024UL])));
    }

    private static DeviceModelSummary Row(string model) => Summary.Devices.Single(d => d.Device == "0000:00:04.0" && d.Model.Name == model);
}
