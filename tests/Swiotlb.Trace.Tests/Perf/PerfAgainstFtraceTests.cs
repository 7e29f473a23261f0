using System.Text.RegularExpressions;
using Swiotlb.Trace.Events;
using Swiotlb.Trace.Tests.Support;
using Xunit.Abstractions;

namespace Swiotlb.Trace.Tests.Perf;

/// <summary>
/// perf and the kernel's own text buffer recorded the same tracepoints at the same time: every event of <c>perf-script.txt</c>
/// must be one of <c>trace.txt</c>'s, on the same CPU, with the same decoded fields, pid and task, at the same time up to a clock
/// offset (stated below). Anything one tracer has and the other lacks would be left unpaired, and must not be.
/// </summary>
public sealed partial class PerfAgainstFtraceTests(ITestOutputHelper output)
{
    public static TheoryData<string, string> FoldersAndFtraceRenderings()
    {
        var data = new TheoryData<string, string>();
        foreach (var folder in PerfCaptures.Folders())
            foreach (var rendering in new[] { "trace.txt", "trace.dat" })
                data.Add(folder, rendering);
        return data;
    }

    [Theory]
    [MemberData(nameof(FoldersAndFtraceRenderings))]
    public void Perf_events_equal_the_ftrace_events_of_the_same_capture(string folder, string rendering)
    {
        var (perf, perfReader) = PerfCaptures.ReadAll(Samples.Capture($"{folder}/perf-script.txt"));
        using var ftraceReader = Swiotlb.Trace.Cli.Input.CaptureOpener.Open(Samples.Capture($"{folder}/{rendering}"), TextWriter.Null);
        List<TraceEvent> ftrace = [.. ftraceReader.ReadEvents()];
        Assert.Equal(0, perfReader.Statistics.WarningCount);
        Assert.Equal(0, ftraceReader.Statistics.LostEvents);

        if (DuplicatedPerfLines.TryGetValue(folder, out var duplicate))
            perf.RemoveAt(RemoveDuplicate(Samples.Capture($"{folder}/perf-script.txt"), perf, duplicate));
        Late? lateStart = LateStarts.TryGetValue((folder, rendering), out var late) ? late : null;
        var alignment = lateStart is null
            ? TracerAlignment.Align(perf, ftrace, Content)
            : FromTheEnd(TracerAlignment.Align([.. Enumerable.Reverse(perf)], [.. Enumerable.Reverse(ftrace)], Content));
        var offsets = alignment.Pairs.Select(pair => pair.Right.Header.TimestampNs - pair.Left.Header.TimestampNs).Order().ToList();
        var median = offsets[offsets.Count / 2];

        var withinMillisecond = offsets.Count(offset => Math.Abs(offset - median) <= 1_000_000) / (double)offsets.Count;
        output.WriteLine($"{folder}/{rendering}: {perf.Count} perf events, {ftrace.Count} text events, {alignment.Pairs.Count} paired; "
            + $"text time - perf time: median {median} ns, {withinMillisecond:P2} within 1 ms of it, range {offsets[0]}..{offsets[^1]} ns");

        // Neither tracer lost an event (the text buffer's ring statistics say none; perf's output has no lost-event lines):
        // every event pairs up, none is left on either side.
        Assert.Equal(0, RingStatistics.LostEvents(Samples.Capture($"{folder}/ring-stats.txt")));
        if (lateStart is null)
        {
            Assert.Empty(alignment.OnlyLeft);
            Assert.Empty(alignment.OnlyRight);
        }
        else
        {
            // One tracer started later (all stopped together): from its first event on, everything pairs; the other tracer's
            // unpaired events all come, on their CPU, before the first event both recorded.
            var (lateSide, early, earlyUnpaired) = lateStart == Late.Perf
                ? (alignment.OnlyLeft, alignment.Pairs.Select(pair => pair.Right), alignment.OnlyRight)
                : (alignment.OnlyRight, alignment.Pairs.Select(pair => pair.Left), alignment.OnlyLeft);
            Assert.Empty(lateSide);
            Assert.NotEmpty(earlyUnpaired);
            // A CPU the late tracer recorded nothing on (nomask-mkfs-xfs-6.12.117's CPU 1) must have nothing after its first event at all.
            var firstPaired = early.GroupBy(e => e.Header.Cpu).ToDictionary(g => g.Key, g => g.Min(e => e.Header.TimestampNs));
            var firstOfAll = firstPaired.Values.Min();
            Assert.All(earlyUnpaired, e => Assert.True(e.Header.TimestampNs < firstPaired.GetValueOrDefault(e.Header.Cpu, firstOfAll),
                $"{e} is unpaired but later than the first event on CPU {e.Header.Cpu} that both tracers recorded"));
        }

        foreach (var (fromPerf, fromText) in alignment.Pairs)
        {
            Assert.Equal(fromText.Header.Pid, fromPerf.Header.Pid);
            Assert.True(SameTask(fromPerf.Header.Comm, fromText.Header.Comm)
                || (fromPerf.Header.Comm == "kthreadd" && KernelThreadsPerfNamesKthreadd.GetValueOrDefault(folder) == (fromText.Header.Pid, fromText.Header.Comm)),
                $"perf comm '{fromPerf.Header.Comm}' vs text '{fromText.Header.Comm}'");
            if (fromPerf is NvmeSetupCmd { Range: { } perfRange } && fromText is NvmeSetupCmd { Range: { } textRange })
                Assert.Equal(textRange, perfRange);
        }

        // The clocks differ. perf stamps events with local_clock(), the text buffer (trace_clock "local") with sched_clock(); in these
        // QEMU (TCG) guests the text time is later by a per-boot offset, measured 2.56 ms (offsets-6.12.117) to 20.83 ms
        // (fio-mixed-6.1.0). Over 99% of events sit within 1 ms of it; the rest stray by up to 43 ms (mkfs-xfs-6.1.0), as
        // local_clock() does when it is filtered against the tick-driven clock on an unstable TSC.
        // trace-cmd's buffer on the 5.10 and 6.1 boots used the "global" clock, which ticks with perf's: there the medians are
        // within microseconds (-755 ns to 2008 ns measured). A "local"-clock buffer (the text buffer; trace.dat on 6.12) lags as above.
        // The second lab wave's boots lag more (measured medians in LocalClockLagMs). The lag is the local clock's, not perf's:
        // on their 6.1 boots the text buffer's last event is as much later than trace.dat's (global clock) as than perf's (281 ms,
        // 589 ms, 104 ms), and on their 6.12 boots, where trace-cmd's buffer used the local clock too, trace.dat lags perf alike.
        if (ftraceReader.Metadata.Details?.Contains("clock global", StringComparison.Ordinal) == true)
            Assert.InRange(median, -10_000, 10_000);
        else if (LocalClockLag.TryGetValue(folder, out var lag))
            Assert.InRange(median, (lag.Ms - 1) * 1_000_000L, (lag.Ms + 1) * 1_000_000L);
        else
            Assert.InRange(median, 2_000_000, 25_000_000);
        var minimum = LocalClockLag.TryGetValue(folder, out var measured) && ftraceReader.Metadata.Details?.Contains("clock global", StringComparison.Ordinal) != true
            ? measured.WithinMillisecond
            : 0.99;
        Assert.True(withinMillisecond >= minimum, $"only {withinMillisecond:P2} of the events within 1 ms of the median offset");
    }

    [Theory]
    [MemberData(nameof(PerfCaptures.Folders), MemberType = typeof(PerfCaptures))]
    public void Nvme_ranges_perf_cannot_show_are_exactly_those_it_printed_as_a_string(string folder)
    {
        var path = Samples.Capture($"{folder}/perf-script.txt");
        var (perf, _) = PerfCaptures.ReadAll(path);
        var ioWithoutRange = perf.OfType<NvmeSetupCmd>().Count(command => command.QueueId != 0 && command.Range is null
            && command.Opcode is 0x01 or 0x02);
        var printedAsString = File.ReadLines(path).Count(line => CdwAsString().IsMatch(line));
        output.WriteLine($"{folder}: {ioWithoutRange} read/write commands without a range, {printedAsString} lines with cdw10 printed as a string");
        Assert.Equal(printedAsString, ioWithoutRange);
    }

    private enum Late { Perf, Ftrace }

    /// <summary>
    /// Recordings where one tracer started later than the other (the text buffer, trace-cmd and perf all stopped together, within
    /// the clock offset: their last events are the same). Checked against the files: nomask-mkfs-xfs-6.1.0's perf-script.txt
    /// starts at 20.764 s (perf's clock), its text buffer at 19.981 s (≈ 19.877 s on perf's clock, ring-stats.txt's oldest event),
    /// its trace.dat at 21.665 s (trace-cmd-report.txt's first event; global clock, which ticks with perf's): 1.7 s after the
    /// text buffer and 0.9 s after perf. nomask-mkfs-xfs-6.12.117's perf-script.txt holds only its last 53 ms (160 events from
    /// 23.739 s), while its text buffer and trace.dat both start at 22.12 s.
    /// </summary>
    private static readonly Dictionary<(string Folder, string Rendering), Late> LateStarts = new()
    {
        [("nomask-mkfs-xfs-6.1.0", "trace.txt")] = Late.Perf,
        [("nomask-mkfs-xfs-6.1.0", "trace.dat")] = Late.Ftrace,
        [("nomask-mkfs-xfs-6.12.117", "trace.txt")] = Late.Perf,
        [("nomask-mkfs-xfs-6.12.117", "trace.dat")] = Late.Perf,
    };

    /// <summary>Alignment of reversed streams, put back in forward order.</summary>
    private static TracerAlignment.Result FromTheEnd(TracerAlignment.Result reversed) => new(
        [.. Enumerable.Reverse(reversed.Pairs)],
        [.. Enumerable.Reverse(reversed.OnlyLeft)],
        [.. reversed.OnlyRight]);

    /// <summary>
    /// perf-script.txt lines that are an exact copy of the line before them, by line number. exhaust-b-6.12.117's line 13903
    /// repeats line 13902 (a swiotlb_bounced of 0xc800000 on CPU 0 at 20.686845 s, the same microsecond) with no swmap between
    /// them, which the kernel cannot do: every swiotlb_bounced is followed by its swmap. Its text buffer and trace.dat hold the
    /// event once; ring-stats.txt shows nothing lost or added. The reader rightly reads both lines; the comparison drops the copy.
    /// </summary>
    private static readonly Dictionary<string, int> DuplicatedPerfLines = new()
    {
        ["exhaust-b-6.12.117"] = 13903,
    };

    /// <summary>The index among <paramref name="perf"/> of the event read from line <paramref name="lineNumber"/>, after checking that the line repeats the one before it.</summary>
    private static int RemoveDuplicate(string path, List<TraceEvent> perf, int lineNumber)
    {
        var lines = File.ReadLines(path).Take(lineNumber).ToList();
        Assert.Equal(lines[^2], lines[^1]);
        Assert.All(lines, line => Assert.NotEmpty(line));
        var index = lineNumber - 1;
        Assert.Equal(perf[index - 1], perf[index]);
        return index;
    }

    /// <summary>
    /// Text time minus perf time, measured per boot, for the boots that lag more than the first wave's 2.56–20.83 ms (see the
    /// clock comment in the test; the cause of the larger per-boot lag is not known), and the share of events within 1 ms of it.
    /// That share is 99 % everywhere but on nomask-fio-verify-6.1.0 (98.15 % measured): its strays cluster at its I/O errors,
    /// where perf's clock stood still — 29 events carry exactly the time of two of dmesg's "I/O error" lines (23.096980 s,
    /// 23.336835 s; printk also stamps with local_clock()) while the text clock moved on by up to 14 ms.
    /// </summary>
    private static readonly Dictionary<string, (long Ms, double WithinMillisecond)> LocalClockLag = new()
    {
        ["exhaust-b-6.12.117"] = (50, 0.99),
        ["nomask-fio-verify-6.1.0"] = (281, 0.98),
        ["nomask-mkfs-xfs-6.1.0"] = (104, 0.99),
        ["nomask-mkfs-xfs-6.12.117"] = (284, 0.99),
        ["stock-fio-verify-6.1.0"] = (589, 0.99),
    };

    /// <summary>
    /// Kernel threads started while perf recorded on 6.12, which perf names by their parent (its fork record) instead of the name
    /// the kernel gave them: pid and name as the text buffer shows them. exhaust-b-6.12.117's kworker/0:2H (pid 247, 5 events) and
    /// nomask-mkfs-xfs-6.12.117's xfsaild/nvme0n1 (pid 229, started by the mount, 84 events); no other task of any capture.
    /// </summary>
    private static readonly Dictionary<string, (int Pid, string Comm)> KernelThreadsPerfNamesKthreadd = new()
    {
        ["exhaust-b-6.12.117"] = (247, "kworker/0:2H"),
        ["nomask-mkfs-xfs-6.12.117"] = (229, "xfsaild/nvme0n1"),
    };

    /// <summary>The event without its header; an NVMe command without its range, which perf does not always show (checked apart).</summary>
    private static TraceEvent Content(TraceEvent traceEvent) => traceEvent switch
    {
        NvmeSetupCmd command => command with { Header = default, Range = null },
        GenericEvent generic => generic with { Header = default, Payload = "" },
        _ => traceEvent with { Header = default },
    };

    /// <summary>perf names a task from its own comm records: the idle task is <c>swapper</c> (text: <c>&lt;idle&gt;</c>) and a
    /// kworker carries its workqueue, cut at 15 characters (<c>kworker/1:1H-ev</c>, text: <c>kworker/1:1H</c>), after <c>-</c>
    /// when the worker was idle as perf named it and after <c>+</c> while it was running the work (<c>kworker/1:1H+kb</c>).</summary>
    private static bool SameTask(string perfComm, string textComm) =>
        perfComm == textComm
        || (textComm == "<idle>" && perfComm == "swapper")
        || (textComm == "<...>")
        || perfComm.StartsWith(textComm + "-", StringComparison.Ordinal)
        || perfComm.StartsWith(textComm + "+", StringComparison.Ordinal);

    [GeneratedRegex(@"nvme_setup_cmd: .* qid=[1-9]\d* opcode=[12] .* cdw10=(?!ARRAY\[)")]
    private static partial Regex CdwAsString();
}
