using Swiotlb.Trace.Capture;
using Swiotlb.Trace.Events;
using Swiotlb.Trace.Tests.Perf;

namespace Swiotlb.Trace.Tests.Support;

/// <summary>
/// trace-cmd recordings that started later than the kernel's text buffer of the same boot (both stopped together), so they hold
/// only the text buffer's last events. nomask-mkfs-xfs-6.1.0: ring-stats.txt gives the text buffer's oldest events at 19.981 s
/// (CPU 0) and 20.055 s (CPU 1), 5427 events, none lost; trace-cmd-report.txt (and trace.dat, the same recording) starts at
/// 21.665 s on trace-cmd's global clock, which runs 104 ms behind the text buffer's local clock on this boot (their last events:
/// 23.178754 s text, 23.074537 s report): 1.7 s after the text buffer, 2726 events. No other capture's trace.dat started late.
/// </summary>
public static class LateStartedRecordings
{
    private static readonly HashSet<(string Folder, string File)> Late =
    [
        ("nomask-mkfs-xfs-6.1.0", "trace.dat"),
        ("nomask-mkfs-xfs-6.1.0", "trace-cmd-report.txt"),
    ];

    public static bool StartedLate(string folder, string file) => Late.Contains((folder, file));

    /// <summary>
    /// The text buffer's events from the late recording's start on: those of <paramref name="text"/> that pair, counted from the
    /// end, with an event of <paramref name="late"/> (same CPU, same content). Checks what makes that honest: every event of the
    /// late recording pairs, and every text event left out comes before the first paired event of its CPU (of all CPUs, on a CPU
    /// the late recording holds nothing of).
    /// </summary>
    public static List<TraceEvent> TextFromStartOf(IReadOnlyList<TraceEvent> text, IReadOnlyList<TraceEvent> late)
    {
        var reversed = TracerAlignment.Align([.. Enumerable.Reverse(text)], [.. Enumerable.Reverse(late)], Content);
        Assert.Empty(reversed.OnlyRight);
        var paired = reversed.Pairs.Select(pair => pair.Left).ToHashSet(ReferenceEqualityComparer.Instance);
        var firstPaired = reversed.Pairs.Select(pair => pair.Left).GroupBy(e => e.Header.Cpu)
            .ToDictionary(g => g.Key, g => g.Min(e => e.Header.TimestampNs));
        var firstOfAll = firstPaired.Values.Min();
        Assert.NotEmpty(reversed.OnlyLeft);
        Assert.All(reversed.OnlyLeft, e => Assert.True(e.Header.TimestampNs < firstPaired.GetValueOrDefault(e.Header.Cpu, firstOfAll),
            $"{e} is only in the text buffer but later than the first event on CPU {e.Header.Cpu} both recordings hold"));
        return [.. text.Where(paired.Contains)];
    }

    /// <summary>A reader of the given events that reports another reader's metadata and statistics, and disposes it.</summary>
    public static ICaptureReader Reader(IReadOnlyList<TraceEvent> events, ICaptureReader like) => new ListReader(events, like);

    /// <summary>The event as both recordings must agree on it: without its header; a generic event without its payload (the text
    /// buffer prints a probe's symbol, trace-cmd its address); an NVMe command without its range (trace-cmd report prints an
    /// all-zero cdw10, as of a read of LBA 0 with one block, as an empty string: no range).</summary>
    private static TraceEvent Content(TraceEvent traceEvent) => traceEvent switch
    {
        NvmeSetupCmd command => command with { Header = default, Range = null },
        GenericEvent generic => generic with { Header = default, Payload = "" },
        _ => traceEvent with { Header = default },
    };

    private sealed class ListReader(IReadOnlyList<TraceEvent> events, ICaptureReader like) : ICaptureReader
    {
        public CaptureMetadata Metadata => like.Metadata;
        public ReadStatistics Statistics => like.Statistics;
        public IEnumerable<TraceEvent> ReadEvents() => events;
        public void Dispose() => like.Dispose();
    }
}
