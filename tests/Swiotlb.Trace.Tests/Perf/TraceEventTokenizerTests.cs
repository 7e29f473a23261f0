using System.Text;
using Microsoft.Diagnostics.Tracing.StackSources;
using Swiotlb.Trace.Perf;
using Swiotlb.Trace.Tests.Support;

namespace Swiotlb.Trace.Tests.Perf;

/// <summary>
/// TraceEvent's <c>LinuxPerfScriptEventParser</c> (Microsoft.Diagnostics.Tracing.TraceEvent 4.0.0) against swiotrace's own
/// <see cref="PerfScriptLineParser"/>: on every line of the real captures their header columns agree; read as a stream, TraceEvent
/// loses events silently or throws without a position (after a bad line, after a long real line), which is why the reader uses
/// its own tokenizer.
/// </summary>
public sealed class TraceEventTokenizerTests
{
    [Theory]
    [MemberData(nameof(PerfCaptures.Folders), MemberType = typeof(PerfCaptures))]
    public void TraceEvent_reads_the_same_header_columns_as_our_tokenizer(string folder)
    {
        var path = Samples.Capture($"{folder}/perf-script.txt");
        foreach (var line in File.ReadLines(path, Encoding.Latin1).Where(line => line.Length > 0))
        {
            // One line at a time: read as a stream, TraceEvent fails on these files (see below).
            var theirs = Assert.Single(new LinuxPerfScriptEventParser().ParseSkippingPreamble(new MemoryStream(Encoding.Latin1.GetBytes(line + "\n"))));
            Assert.True(PerfScriptLineParser.TryParse(Encoding.Latin1.GetBytes(line), out var ours, out var expected), expected);
            Assert.Equal(Encoding.Latin1.GetString(ours.Comm), theirs.Command);
            Assert.Equal(ours.Pid, theirs.ThreadID);
            Assert.Equal(ours.Cpu, theirs.CpuNumber);
            // TraceEvent keeps milliseconds in a double; rounded back to nanoseconds it is exact for these microsecond times.
            Assert.Equal(ours.TimestampNs, (long)Math.Round(theirs.TimeMSec * 1_000_000));
            // TraceEvent's event name stops at the first ':', the system; the event's own name opens its "details".
            var name = Encoding.Latin1.GetString(ours.Name);
            Assert.Equal(name[..name.IndexOf(':')], theirs.EventName);
            Assert.Equal($"{name[(name.IndexOf(':') + 1)..]}: {Encoding.Latin1.GetString(ours.Payload)}".TrimEnd(), theirs.EventProperty);
        }
    }

    [Fact]
    public void TraceEvent_stops_without_a_word_at_a_line_it_cannot_split()
    {
        var lines = File.ReadAllLines(Samples.Capture("smoke-6.1.0/perf-script.txt"));
        var withBadLine = string.Join('\n', lines.Take(100).Append("a line with no header").Concat(lines.Skip(100))) + "\n";

        var fromTraceEvent = new LinuxPerfScriptEventParser().ParseSkippingPreamble(new MemoryStream(Encoding.UTF8.GetBytes(withBadLine))).Count();
        var (ours, reader) = PerfCaptures.ReadText(withBadLine);

        Assert.Equal(100, fromTraceEvent);
        Assert.Equal(lines.Length, ours.Count);
        Assert.Equal(101, Assert.Single(reader.Statistics.Warnings).Position.Line);
    }

    [Fact]
    public void TraceEvent_loses_the_event_after_a_long_real_line()
    {
        var lines = File.ReadAllLines(Samples.Capture("offsets-6.12.117/perf-script.txt"));
        var longLine = Array.FindIndex(lines, line => line.Length > 1000);
        var threeEvents = string.Join('\n', lines[(longLine - 1)..(longLine + 2)]) + "\n";

        var fromTraceEvent = new LinuxPerfScriptEventParser().ParseSkippingPreamble(new MemoryStream(Encoding.UTF8.GetBytes(threeEvents))).ToList();
        var (ours, reader) = PerfCaptures.ReadText(threeEvents);

        Assert.Contains("dma:dma_map_sg", lines[longLine]);
        Assert.Equal(2, fromTraceEvent.Count);
        Assert.Equal(3, ours.Count);
        Assert.Equal(0, reader.Statistics.WarningCount);
        Assert.Throws<IndexOutOfRangeException>(() =>
            new LinuxPerfScriptEventParser().ParseSkippingPreamble(Samples.Capture("offsets-6.12.117/perf-script.txt")).Count());
    }

    [Fact]
    public void TraceEvent_throws_without_a_position_on_a_bad_time()
    {
        const string line = "  udio   177 [001]    ten: swiotlb:swiotlb_bounced: dev_name: 0000:00:04.0 dma_mask=1 dev_addr=1 size=1 FORCE\n";

        var thrown = Assert.Throws<FormatException>(() =>
            new LinuxPerfScriptEventParser().ParseSkippingPreamble(new MemoryStream(Encoding.UTF8.GetBytes(line))).ToList());
        Assert.DoesNotContain(":1", thrown.Message);
    }
}
