using Swiotlb.Trace.Diff.Findings.Rules;
using Swiotlb.Trace.Diff.Replaying;
using Swiotlb.Trace.Replay.Pairing;
using Swiotlb.Trace.Tests.Support;

namespace Swiotlb.Trace.Tests.Replaying;

/// <summary>A capture stripped of its kprobe and dma:* lines still gives the same truncation verdicts, from swiotlb_bounced + nvme + block events.</summary>
public sealed class BouncedOnlyReplayTests : IDisposable
{
    private static readonly string[] StrippedEvents = [" swmap: ", " swmapret: ", " swunmap: ", " dma_map_", " dma_unmap_", " dma_alloc: "];
    private readonly string _dir = Directory.CreateTempSubdirectory("swiotrace-bounced-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Theory]
    [InlineData("offsets-6.1.0", "linux-6.1")]
    [InlineData("offsets-5.10.0", "linux-5.12")]
    [InlineData("offsets-6.12.117", "linux-6.9")]
    [InlineData("fio-mixed-6.1.0", "linux-6.1")]
    public void Same_truncation_verdicts_without_kprobes_or_dma_events(string folder, string ownModel)
    {
        var full = ReplayRuns.Of($"{folder}/trace.txt", "linux-5.10", ownModel);
        var stripped = ReplayRuns.OfPath(Stripped(folder), "linux-5.10", ownModel);

        Assert.Equal(MappingSourceKind.Kprobes, full.Source);
        Assert.Equal(MappingSourceKind.BouncedEvents, stripped.Source);
        Assert.Equal(full.Pairing.MapsFromKprobes, stripped.Pairing.MapsFromBouncedEvents);
        Assert.Equal(Verdicts(full), Verdicts(stripped));
        Assert.Equal(full.Devices["0000:00:04.0"].Parameters, stripped.Devices["0000:00:04.0"].Parameters);
        Assert.Equal(DeviceEvidence.CarriesNvmeCommands, stripped.Devices["0000:00:04.0"].Evidence);
        Assert.Equal(DeviceEvidence.MapsOutsideNvmeCommands, stripped.Devices["0000:00:06.0"].Evidence);
        Assert.Equal(0, stripped.Pairing.UnmapsAssumed);
    }

    private static List<(string, string, bool, bool, bool)> Verdicts(CaptureReplay replay) =>
        [.. replay.Summary.Devices
            .Where(d => !d.IsObserved)
            .Select(d => (d.Device, d.Model.Name, d.OffsetsLost > 0, d.Findings(FindingRules.Truncation) > 0, d.CommandsBroken > 0))];

    /// <summary>trace.txt without its swmap/swmapret/swunmap and dma_* lines, alone in a folder (no uname.txt, no dmesg.txt).</summary>
    private string Stripped(string folder)
    {
        var path = Path.Combine(_dir, $"{folder}.txt");
        File.WriteAllLines(path, File.ReadLines(Samples.Capture($"{folder}/trace.txt"))
            .Where(line => !StrippedEvents.Any(name => line.Contains(name, StringComparison.Ordinal))));
        return path;
    }
}
