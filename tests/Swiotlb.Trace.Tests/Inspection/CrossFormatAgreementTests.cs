using Swiotlb.Trace.Replay.Inspection;
using Swiotlb.Trace.Tests.Support;

namespace Swiotlb.Trace.Tests.Inspection;

/// <summary>The kernel's own text and trace-cmd's report of the same capture (two buffers traced at once) tell the same story.</summary>
public class CrossFormatAgreementTests
{
    public static TheoryData<string> CapturesWithBoth() =>
        [.. Samples.FoldersWith("trace.txt").Intersect(Samples.FoldersWith("trace-cmd-report.txt"))];

    [Theory]
    [MemberData(nameof(CapturesWithBoth))]
    public void Inspect_agrees_on_counts_and_devices_within_the_ring_statistics(string folder)
    {
        var kernel = Inspect(Samples.Capture($"{folder}/trace.txt"));
        var report = Inspect(Samples.Capture($"{folder}/trace-cmd-report.txt"));
        var lostAccordingToRing = RingStatistics.LostEvents(Samples.Capture($"{folder}/ring-stats.txt"));

        foreach (var name in kernel.EventCounts.Keys.Union(report.EventCounts.Keys))
        {
            var difference = Math.Abs(kernel.EventCounts.GetValueOrDefault(name) - report.EventCounts.GetValueOrDefault(name));
            Assert.True(difference <= lostAccordingToRing, $"{name}: {difference} events apart, the ring lost {lostAccordingToRing}");
        }
        Assert.Equal(kernel.Devices.Select(d => (d.Name, d.Verdict)), report.Devices.Select(d => (d.Name, d.Verdict)));
        Assert.Equal(kernel.Devices.Select(d => d.Observed.OffsetsLost), report.Devices.Select(d => d.Observed.OffsetsLost));
    }

    private static CaptureInspection Inspect(string path)
    {
        using var reader = TextCaptures.Open(path);
        return CaptureInspector.Inspect(reader);
    }
}
