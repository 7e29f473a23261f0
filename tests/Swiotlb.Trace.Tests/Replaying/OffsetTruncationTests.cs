using Swiotlb.Trace.Diff.Findings;
using Swiotlb.Trace.Diff.Findings.Rules;
using Swiotlb.Trace.Tests.Support;

namespace Swiotlb.Trace.Tests.Replaying;

/// <summary>The acceptance: AHCI loses in-page offsets under every model, NVMe only before the fix; counts from the capture itself.</summary>
public class OffsetTruncationTests
{
    private const string Nvme = "0000:00:04.0";
    private const string Ahci = "0000:00:06.0";

    [Theory]
    [InlineData("offsets-6.1.0", "linux-6.1")]
    [InlineData("offsets-5.10.0", "linux-5.12")]
    [InlineData("offsets-6.12.117", "linux-6.9")]
    public void Ahci_loses_offsets_everywhere_and_nvme_only_before_the_fix(string folder, string ownModel)
        => AssertVerdicts(Samples.Capture($"{folder}/trace.txt"), ownModel);

    private static void AssertVerdicts(string path, string ownModel)
    {
        var replay = ReplayRuns.OfPath(path, "linux-5.10", "linux-5.12", "linux-6.1", "linux-6.3", "linux-6.9");
        var summary = replay.Summary;
        var observedLoss = ObservedLosses(path);

        foreach (var model in summary.Models)
        {
            var ahci = Row(summary, Ahci, model.Name);
            var nvme = Row(summary, Nvme, model.Name);
            Assert.True(ahci.OffsetsLost > 0, $"AHCI under {model}");
            Assert.Equal(model.Name == "linux-5.10", nvme.OffsetsLost > 0);
            Assert.Equal(model.Name == "linux-5.10", summary.Count(model, FindingRules.Truncation) > 0);
        }
        // The replay starts each model from an empty pool with its cursors at 0, not from the kernel's state when tracing
        // began, so the slot parity that decides a few AHCI offsets may differ from the kernel's: the observed row is exact.
        Assert.Equal(observedLoss[Ahci], Row(summary, Ahci, ModelKey.Observed.Name).OffsetsLost);
        Assert.InRange(Row(summary, Ahci, ownModel).OffsetsLost, observedLoss[Ahci] * 9 / 10, Row(summary, Ahci, ownModel).WithPageOffset);
        Assert.Equal(0, observedLoss.GetValueOrDefault(Nvme));
        Assert.Equal(0, Row(summary, Nvme, ownModel).OffsetsLost);
    }

    private static DeviceModelSummary Row(ReplaySummary summary, string device, string model) =>
        summary.Devices.Single(d => d.Device == device && d.Model.Name == model);

    /// <summary>From the capture's own lines: swiotlb_bounced names the device, the map events give orig and the kernel's address.</summary>
    private static Dictionary<string, long> ObservedLosses(string path)
    {
        var losses = new Dictionary<string, long>();
        foreach (var (device, original, bounce) in KernelAnswers.Read(path))
            if ((original & 0xfff) != 0 && (original & 0xfff) != (bounce & 0xfff))
                losses[device] = losses.GetValueOrDefault(device) + 1;
        return losses;
    }
}
