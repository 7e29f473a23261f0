using Swiotlb.Trace.Replay.Inspection;
using Swiotlb.Trace.Tests.Support;

namespace Swiotlb.Trace.Tests.Inspection;

public class OffsetVerdictTests
{
    private const string Nvme = "0000:00:04.0";
    private const string Ahci = "0000:00:06.0";

    [Theory]
    [InlineData("offsets-6.1.0/trace.txt")]
    [InlineData("offsets-6.1.0/trace-cmd-report.txt")]
    [InlineData("offsets-5.10.0/trace.txt")]
    [InlineData("offsets-6.12.117/trace.txt")]
    public void Ahci_loses_offsets_and_nvme_keeps_them(string capture)
    {
        using var reader = TextCaptures.Open(Samples.Capture(capture));
        var devices = CaptureInspector.Inspect(reader).Devices.ToDictionary(d => d.Name);

        Assert.Equal(OffsetVerdict.KeepsOffsets, devices[Nvme].Verdict);
        Assert.Equal(OffsetVerdict.LosesOffsets, devices[Ahci].Verdict);
        Assert.True(devices[Nvme].Observed.WithPageOffset > 0);
    }

    [Fact]
    public void Offsets_lost_equal_a_count_from_the_raw_kprobe_lines()
    {
        var path = Samples.Capture("offsets-6.1.0/trace.txt");
        using var reader = TextCaptures.Open(path);
        var ahci = CaptureInspector.Inspect(reader).Devices.Single(d => d.Name == Ahci);

        Assert.Equal(IndependentLostOffsets(path, Ahci), ahci.Observed.OffsetsLost);
    }

    /// <summary>Walks the lines by CPU: bounced names the device, swmap gives orig, swmapret the bounce address.</summary>
    private static long IndependentLostOffsets(string path, string device)
    {
        var lastDevice = new Dictionary<string, string>();
        var openOrig = new Dictionary<string, Stack<(string Device, ulong Orig)>>();
        long lost = 0;
        foreach (var line in File.ReadLines(path).Where(l => !l.StartsWith('#')))
        {
            var cpu = line[(line.IndexOf(" [", StringComparison.Ordinal) + 2)..][..3];
            if (line.Contains("swiotlb_bounced: dev_name: ", StringComparison.Ordinal))
                lastDevice[cpu] = line.Split("dev_name: ")[1].Split(' ')[0];
            else if (line.Contains(" swmap: ", StringComparison.Ordinal))
            {
                var orig = Convert.ToUInt64(line.Split(" orig=0x")[1].Split(' ')[0], 16);
                if (!openOrig.ContainsKey(cpu)) openOrig[cpu] = new();
                openOrig[cpu].Push((lastDevice[cpu], orig));
            }
            else if (line.Contains(" swmapret: ", StringComparison.Ordinal))
            {
                var (dev, orig) = openOrig[cpu].Pop();
                var ret = Convert.ToUInt64(line.Split(" ret=0x")[1].Trim(), 16);
                if (dev == device && (orig & 0xfff) != 0 && (orig & 0xfff) != (ret & 0xfff))
                    lost++;
            }
        }
        return lost;
    }
}
