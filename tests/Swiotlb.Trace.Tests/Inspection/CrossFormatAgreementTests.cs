using Swiotlb.Trace.Replay.Inspection;
using Swiotlb.Trace.Tests.Support;

namespace Swiotlb.Trace.Tests.Inspection;

/// <summary>The kernel's own text, trace-cmd's trace.dat and its report of the same capture (two buffers traced at once) tell the same story.</summary>
public class CrossFormatAgreementTests
{
    public static TheoryData<string, string> OtherRenderings()
    {
        var data = new TheoryData<string, string>();
        foreach (var folder in Samples.FoldersWith("trace.txt"))
            foreach (var other in new[] { "trace-cmd-report.txt", "trace.dat", "trace-v6.dat", "trace-v7-plain.dat" })
                if (File.Exists(Samples.Capture($"{folder}/{other}")))
                    data.Add(folder, other);
        return data;
    }

    [Theory]
    [MemberData(nameof(OtherRenderings))]
    public void Inspect_agrees_on_counts_and_devices_within_the_ring_statistics(string folder, string other)
    {
        // A recording that started late is compared with the text buffer's events from its start on (LateStartedRecordings).
        var kernel = LateStartedRecordings.StartedLate(folder, other)
            ? InspectFromStartOf(Samples.Capture($"{folder}/trace.txt"), Samples.Capture($"{folder}/{other}"))
            : Inspect(Samples.Capture($"{folder}/trace.txt"));
        var report = Inspect(Samples.Capture($"{folder}/{other}"));
        var lostAccordingToRing = RingStatistics.LostEvents(Samples.Capture($"{folder}/ring-stats.txt"));

        foreach (var name in kernel.EventCounts.Keys.Union(report.EventCounts.Keys))
        {
            var difference = Math.Abs(kernel.EventCounts.GetValueOrDefault(name) - report.EventCounts.GetValueOrDefault(name));
            Assert.True(difference <= lostAccordingToRing, $"{name}: {difference} events apart, the ring lost {lostAccordingToRing}");
        }
        Assert.Equal(kernel.Devices.Select(d => (d.Name, d.Verdict)), report.Devices.Select(d => (d.Name, d.Verdict)));
        Assert.Equal(kernel.Devices.Select(d => d.Observed.OffsetsLost), report.Devices.Select(d => d.Observed.OffsetsLost));
    }

    private static CaptureInspection InspectFromStartOf(string textPath, string latePath)
    {
        using var late = Swiotlb.Trace.Cli.Input.CaptureOpener.Open(latePath, TextWriter.Null);
        List<Events.TraceEvent> lateEvents = [.. late.ReadEvents()];
        var text = Swiotlb.Trace.Cli.Input.CaptureOpener.Open(textPath, TextWriter.Null);
        List<Events.TraceEvent> textEvents = [.. text.ReadEvents()];
        using var trimmed = LateStartedRecordings.Reader(LateStartedRecordings.TextFromStartOf(textEvents, lateEvents), text);
        return CaptureInspector.Inspect(trimmed);
    }

    private static CaptureInspection Inspect(string path)
    {
        using var reader = Swiotlb.Trace.Cli.Input.CaptureOpener.Open(path, TextWriter.Null);
        return CaptureInspector.Inspect(reader);
    }
}
