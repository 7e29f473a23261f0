using Swiotlb.Trace.Diff.Replaying;
using Swiotlb.Trace.Replay.Pairing;
using Swiotlb.Trace.Tests.Replaying;
using Swiotlb.Trace.Tests.Support;

namespace Swiotlb.Trace.Tests.Truth;

/// <summary>A device's min_align_mask from what the kernel did: the nomask lab capture with its <c>mam=</c> probe argument
/// taken out (in a copy made here), so only the bounce addresses can tell.</summary>
public class MinAlignMaskEvidenceTests
{
    [Fact]
    public void Bounce_addresses_that_never_keep_the_offset_give_the_nvme_device_mask_0()
    {
        var replay = ReplayRuns.OfPath(WithoutLiveMask("nomask-fio-verify-6.1.0"), "linux-6.1");

        Assert.Equal((0UL, DeviceEvidence.ObservedWithoutMinAlignMask), (replay.Devices["0000:00:04.0"].Parameters.MinAlignMask, replay.Devices["0000:00:04.0"].Evidence));
        Assert.Contains(replay.Warnings, w => w.StartsWith("0000:00:04.0: the kernel's bounce addresses never kept a buffer offset", StringComparison.Ordinal));
        var own = replay.Summary.Devices.Single(d => d.Device == "0000:00:04.0" && d.Model.Name == "linux-6.1");
        var observed = replay.Summary.Devices.Single(d => d.Device == "0000:00:04.0" && d.Model.Name == "observed");
        Assert.Equal(observed.CommandsBroken, own.CommandsBroken);
        Assert.Equal(23, observed.CommandsBroken);
    }

    [Fact]
    public void The_control_capture_keeps_its_nvme_mask()
    {
        var replay = ReplayRuns.OfPath(WithoutLiveMask("stock-fio-verify-6.1.0"), "linux-6.1");

        Assert.Equal(0xfffUL, replay.Devices["0000:00:04.0"].Parameters.MinAlignMask);
        Assert.DoesNotContain(replay.Warnings, w => w.Contains("never kept a buffer offset", StringComparison.Ordinal));
    }

    private static string WithoutLiveMask(string folder)
    {
        var directory = Directory.CreateTempSubdirectory("swiotrace-nomam-").FullName;
        foreach (var sibling in new[] { "uname.txt", "dmesg.txt" })
            File.Copy(Samples.Capture(Path.Combine(folder, sibling)), Path.Combine(directory, sibling));
        var path = Path.Combine(directory, "trace.txt");
        File.WriteAllLines(path, File.ReadLines(Samples.Capture(Path.Combine(folder, "trace.txt")))
            .Select(line => line.Replace(" mam=0x0", "", StringComparison.Ordinal).Replace(" mam=0xfff", "", StringComparison.Ordinal)));
        return path;
    }
}
