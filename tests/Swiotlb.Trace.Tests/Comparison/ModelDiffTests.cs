using Swiotlb.Trace.Diff.Findings;
using Swiotlb.Trace.Diff.Findings.Rules;
using Swiotlb.Trace.Tests.Replaying;
using Swiotlb.Trace.Tests.Support;

namespace Swiotlb.Trace.Tests.Comparison;

/// <summary>
/// <c>diff CAPTURE --model CANDIDATE --against BASELINE</c>: what the candidate does worse than the baseline is a regression.
/// On offsets-6.1.0, linux-5.10 drops the NVMe offsets linux-6.1 keeps, so 5.10 against 6.1 regresses and 6.1 against 5.10 fixes.
/// </summary>
public class ModelDiffTests
{
    private const string Nvme = "0000:00:04.0";
    private const string Ahci = "0000:00:06.0";
    private static readonly string Offsets = Samples.Capture("offsets-6.1.0/trace.txt");
    private static readonly DiffJson PreFixAgainstFixed = DiffJson.Run(Offsets, "--model", "linux-5.10", "--against", "linux-6.1");
    private static readonly DiffJson FixedAgainstPreFix = DiffJson.Run(Offsets, "--model", "linux-6.1", "--against", "linux-5.10");
    private static readonly ReplaySummary Replay = ReplayRuns.Of("offsets-6.1.0/trace.txt", "linux-5.10", "linux-6.1").Summary;

    [Fact]
    public void The_pre_fix_candidate_regresses_nvme_offsets_masks_and_prps_as_replay_counts_them()
    {
        var transitions = PreFixAgainstFixed.Transitions();
        var preFix = Row(Nvme, "linux-5.10");

        Assert.Equal(1, PreFixAgainstFixed.ExitCode);
        Assert.Equal((81, 672), transitions[(Nvme, "offsetLost")]);
        Assert.Equal((99, 672), transitions[(Nvme, "maskBroken")]);
        Assert.Equal((54, 120), transitions[(Nvme, "prpBroken")]);
        // linux-6.1 keeps every NVMe offset, so every loss under linux-5.10 is a mapping that regressed.
        Assert.Equal(0, Row(Nvme, "linux-6.1").OffsetsLost + Row(Nvme, "linux-6.1").CommandsBroken);
        Assert.Equal((preFix.OffsetsLost, preFix.Findings(FindingRules.Truncation), preFix.CommandsBroken),
            (transitions[(Nvme, "offsetLost")].Count, transitions[(Nvme, "maskBroken")].Count, transitions[(Nvme, "prpBroken")].Count));
        Assert.DoesNotContain("fix", PreFixAgainstFixed.Directions());
    }

    [Fact]
    public void Swapping_model_and_against_turns_every_regression_into_a_fix()
    {
        var regressions = PreFixAgainstFixed.Transitions();
        var fixes = FixedAgainstPreFix.Transitions();

        Assert.Equal(0, FixedAgainstPreFix.ExitCode);
        Assert.Equal(regressions[(Nvme, "offsetLost")], fixes[(Nvme, "offsetKept")]);
        Assert.Equal(regressions[(Nvme, "maskBroken")], fixes[(Nvme, "maskRespected")]);
        Assert.Equal(regressions[(Nvme, "prpBroken")], fixes[(Nvme, "prpRepaired")]);
        Assert.DoesNotContain("regression", FixedAgainstPreFix.Directions());
        Assert.Equal("54/120 → 0/120", FixedAgainstPreFix.Changes()[("fix", Nvme, "commandsBroken", null)]);
        Assert.Equal("0/120 → 54/120", PreFixAgainstFixed.Changes()[("regression", Nvme, "commandsBroken", null)]);
    }

    [Fact]
    public void Ahci_loses_offsets_under_both_so_only_its_bounce_addresses_differ()
    {
        var ahci = PreFixAgainstFixed.Transitions().Where(t => t.Key.Device == Ahci).ToList();

        Assert.Equal(Row(Ahci, "linux-5.10").OffsetsLost, Row(Ahci, "linux-6.1").OffsetsLost);
        Assert.Equal([(Ahci, "bounceMoved")], ahci.Select(t => t.Key));
    }

    [Fact]
    public void Regressed_examples_keep_the_offset_under_the_baseline_and_drop_it_under_the_candidate()
    {
        var examples = PreFixAgainstFixed.Root.GetProperty("transitions").GetProperty("mappings").EnumerateArray()
            .Where(m => m.GetProperty("kind").GetString() == "offsetLost").ToList();

        Assert.NotEmpty(examples);
        foreach (var example in examples)
        {
            var original = Hex(example, "original");
            Assert.Equal(original & 0xfff, Hex(example, "baselineBounce") & 0xfff);
            Assert.NotEqual(original & 0xfff, Hex(example, "candidateBounce") & 0xfff);
        }
    }

    [Fact]
    public void Fail_on_selects_which_regressions_fail_the_run()
    {
        var (prpOnly, _, _) = CliRun.Run("diff", Offsets, "--model", "linux-5.10", "--against", "linux-6.1", "--fail-on", "prp");
        var (hangsOnly, output, _) = CliRun.Run("diff", Offsets, "--model", "linux-5.10", "--against", "linux-6.1", "--fail-on", "failure,hang");

        Assert.Equal(1, prpOnly);
        Assert.Equal(0, hangsOnly);
        Assert.Contains("verdict: no regressions: truncation 8 figures, 99 mappings (not failing), prp 1 figure, 54 commands (not failing), failure 0, hang 0", output);
        Assert.Contains("(not failing)", output);
    }

    [Fact]
    public void Fio_prp_regressions_are_the_commands_replay_finds_broken_under_linux_5_10()
    {
        var fio = DiffJson.Run(Samples.Capture("fio-mixed-6.1.0/trace.txt"), "--model", "linux-5.10", "--against", "6.1.0-54-amd64");
        var broken = ReplayRuns.Of("fio-mixed-6.1.0/trace.txt").Summary.Devices.Single(d => d.Device == Nvme && d.Model.Name == "linux-5.10");

        Assert.Equal(1, fio.ExitCode);
        Assert.Equal((broken.CommandsBroken, broken.CommandsChecked), fio.Transitions()[(Nvme, "prpBroken")]);
        Assert.Equal(144, broken.CommandsBroken);
        foreach (var command in fio.Root.GetProperty("transitions").GetProperty("commands").EnumerateArray())
        {
            Assert.Equal("valid", command.GetProperty("baselinePrp").GetString());
            Assert.NotEqual("Valid", command.GetProperty("candidatePrp").GetString());
            // The baseline kept every segment's offset; the candidate put the first segment at a slot start.
            var segments = command.GetProperty("segments").EnumerateArray().ToList();
            Assert.All(segments, s => Assert.Equal(Hex(s, "original") & 0xfff, Hex(s, "baselineBounce") & 0xfff));
            Assert.Equal(0UL, Hex(segments[0], "candidateBounce") & 0x7ff);
        }
    }

    private static DeviceModelSummary Row(string device, string model) => Replay.Devices.Single(d => d.Device == device && d.Model.Name == model);

    private static ulong Hex(System.Text.Json.JsonElement element, string name) =>
        Convert.ToUInt64(element.GetProperty(name).GetString(), 16);
}
