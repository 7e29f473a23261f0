using Swiotlb.Trace.Events;
using Swiotlb.Trace.Tests.Support;

namespace Swiotlb.Trace.Tests.Perf;

public sealed class PerfScriptReaderTests
{
    private const string Bounced = "swiotlb:swiotlb_bounced: dev_name: 0000:00:04.0 dma_mask=ffffffffffffffff dev_addr=9bcb000 size=4096 FORCE";

    [Theory]
    [InlineData(" kworker/1:1H-ev   145 [001]    10.482870: " + Bounced, "kworker/1:1H-ev", 145, 1, 10_482_870_000L)]
    [InlineData("   rs:main Q:Reg  1200/1207 [003] 123.000000001: " + Bounced, "rs:main Q:Reg", 1207, 3, 123_000_000_001L)]
    [InlineData("  12 [000] 0.5: " + Bounced, "", 12, 0, 500_000_000L)]
    public void Header_columns_are_read_as_integers(string line, string comm, int tid, int cpu, long timestampNs)
    {
        var (events, reader) = PerfCaptures.ReadText(line + "\n");

        var bounced = Assert.IsType<SwiotlbBounced>(Assert.Single(events));
        Assert.Equal(new EventHeader(timestampNs, cpu, tid, comm), bounced.Header);
        Assert.Equal(0x9bcb000UL, bounced.OriginalAddress);
        Assert.Equal(0, reader.Statistics.MalformedLines);
    }

    [Fact]
    public void Event_without_payload_is_kept()
    {
        var (events, _) = PerfCaptures.ReadText("  swapper     0 [000]    10.000001: sched:sched_idle:\n");

        var generic = Assert.IsType<GenericEvent>(Assert.Single(events));
        Assert.Equal(("sched_idle", ""), (generic.EventName, generic.Payload));
    }

    [Fact]
    public void Bad_lines_are_counted_with_their_line_and_the_rest_is_read()
    {
        var good = "  udio   177 [001]    10.513541: " + Bounced;
        var text = string.Join('\n',
            "# ========", "# captured on: today", "", good,
            "a line with no header",
            "  udio   177 [001]    ten: " + Bounced,
            "  udio   177 [001]    10.513541: swiotlb:swiotlb_bounced: dev_name: 0000:00:04.0 dma_mask=zz",
            good) + "\n";

        var (events, reader) = PerfCaptures.ReadText(text);

        Assert.Equal(2, events.Count);
        Assert.Equal(3, reader.Statistics.MalformedLines);
        Assert.Equal([5L, 6L, 7L], reader.Statistics.Warnings.Select(w => w.Position.Line));
        Assert.All(reader.Statistics.Warnings, w => Assert.StartsWith("perf.txt:", w.ToString()));
        Assert.Contains("[CPU]", reader.Statistics.Warnings[0].Message);
        Assert.Contains("SECONDS.FRACTION", reader.Statistics.Warnings[1].Message);
        Assert.Contains("swiotlb_bounced", reader.Statistics.Warnings[2].Message);
    }

    [Fact]
    public void A_cut_short_last_line_is_truncation_not_an_event()
    {
        var line = "  udio   177 [001]    10.513541: " + Bounced;
        var (events, reader) = PerfCaptures.ReadText(line + "\n" + line[..60]);

        Assert.Single(events);
        Assert.True(reader.Statistics.Truncated);
        Assert.Equal(2, Assert.Single(reader.Statistics.Warnings).Position.Line);
    }

    [Theory]
    [MemberData(nameof(PerfCaptures.Folders), MemberType = typeof(PerfCaptures))]
    public void Every_line_of_every_capture_is_an_event(string folder)
    {
        var path = Samples.Capture($"{folder}/perf-script.txt");
        var (events, reader) = PerfCaptures.ReadAll(path);

        Assert.Equal(File.ReadLines(path).Count(line => line.Length > 0), events.Count);
        Assert.Equal(0, reader.Statistics.WarningCount);
        Assert.DoesNotContain(events, e => e is GenericEvent generic && !ExpectedGenericEvents.IsExpected(folder, generic.EventName));
    }
}
