using Swiotlb.Trace.Capture;
using Swiotlb.Trace.Tests.Support;

namespace Swiotlb.Trace.Tests.Text;

/// <summary>Every text capture bundled in samples/ reads without error, with the event counts an independent count of the name column gives.</summary>
public class RealCaptureCountTests
{
    public static TheoryData<string> TextCaptures()
    {
        var data = new TheoryData<string>();
        foreach (var file in new[] { "trace.txt", "trace-stream.txt", "trace-cmd-report.txt" })
            foreach (var folder in Samples.FoldersWith(file))
                data.Add($"{folder}/{file}");
        return data;
    }

    [Theory]
    [MemberData(nameof(TextCaptures))]
    public void Counts_per_event_name_equal_an_independent_count(string capture)
    {
        var path = Samples.Capture(capture);
        var (events, reader) = Support.TextCaptures.ReadAll(path);

        var counted = events.GroupBy(e => e.Name).ToDictionary(g => g.Key, g => (long)g.Count());
        Assert.Equal(IndependentCounts.ByEventName(path).OrderBy(p => p.Key), counted.OrderBy(p => p.Key));
        Assert.Equal(0, reader.Statistics.MalformedLines);
        Assert.Equal(HasUnplaceableReturnProbe(capture) ? 1 : 0, reader.Statistics.WarningCount);
        Assert.All(reader.Statistics.Warnings, warning => Assert.Contains("kprobe swmapret on swiotlb_map+0x68/0x2f0", warning.Message));
    }

    [Theory]
    [MemberData(nameof(TextCaptures))]
    public void Every_swiotlb_and_nvme_event_is_typed_not_generic(string capture)
    {
        var (events, _) = Support.TextCaptures.ReadAll(Samples.Capture(capture));
        var folder = capture[..capture.IndexOf('/', StringComparison.Ordinal)];

        Assert.DoesNotContain(events, e => e.Kind == Events.EventKind.Generic && !ExpectedGenericEvents.IsExpected(folder, e.Name));
    }

    /// <summary>The 7.3 captures' <c>swmapret</c> probes <c>swiotlb_map+104</c>, a return site in the caller: the kernel text
    /// names it, so the reader warns once and keeps it generic (trace-cmd's report prints only its address: no warning).</summary>
    private static bool HasUnplaceableReturnProbe(string capture) => capture.Contains("-7.3.4/trace.txt", StringComparison.Ordinal);

    [Fact]
    public void Console_dump_of_the_hang_counts_equal_an_independent_count()
    {
        var path = Samples.Capture("hang-6.1.0/console.log");
        var (events, reader) = Support.TextCaptures.ReadAll(path);

        var counted = events.GroupBy(e => e.Name).ToDictionary(g => g.Key, g => (long)g.Count());
        Assert.Equal(IndependentCounts.ByEventName(path, latency: true).OrderBy(p => p.Key), counted.OrderBy(p => p.Key));
        Assert.Equal(865, events.Count);
        Assert.Equal(CaptureFormat.ConsoleDump, reader.Metadata.Format);
        Assert.Equal(0, reader.Statistics.MalformedLines);
    }

    [Fact]
    public void Console_dump_keeps_the_panic_reason_and_the_dropped_messages()
    {
        var (events, reader) = Support.TextCaptures.ReadAll(Samples.Capture("hang-6.1.0/console.log"));

        Assert.Equal("NMI: Not continuing", reader.Metadata.Panic?.Reason);
        Assert.Null(reader.Metadata.Panic?.Cpu);
        Assert.Equal(972, reader.Statistics.DroppedConsoleMessages);
        // Lines 1–9 (firmware, boot, the workload's marker) and the "Kernel Offset" line after the dump; line 10 is the
        // dropped-messages line and the last names the panic.
        Assert.Equal(10, reader.Statistics.ConsoleLinesSkipped);
        Assert.Contains(reader.Statistics.Warnings, w => w.Position.Line == 10 && w.Message.Contains("972"));
        Assert.Equal(4_826_968_000, events[0].Header.TimestampNs);
        Assert.Equal("udio", events[0].Header.Comm);
        Assert.Equal(165, events[0].Header.Pid);
    }

    [Fact]
    public void Kernel_text_and_trace_pipe_of_one_capture_hold_the_same_events()
    {
        var (text, _) = Support.TextCaptures.ReadAll(Samples.Capture("smoke-6.1.0/trace.txt"));
        var (stream, _) = Support.TextCaptures.ReadAll(Samples.Capture("smoke-6.1.0/trace-stream.txt"));

        // trace_pipe shows '<...>' for tasks whose name was not yet recorded, and its own timestamps; the events are the same.
        Assert.Equal(text.Select(e => (e.Name, e.Header.Cpu, e.Header.Pid)), stream.Select(e => (e.Name, e.Header.Cpu, e.Header.Pid)));
    }
}
