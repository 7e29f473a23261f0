using Swiotlb.Trace.Capture;
using Swiotlb.Trace.Events;
using Swiotlb.Trace.Tests.Support;

namespace Swiotlb.Trace.Tests.Text;

/// <summary>The column variants of ftrace text: flags, TGID, names with spaces and dashes, clocks, lost-event lines.</summary>
public class LineFormatTests
{
    private const string Payload = "nvme_sq: nvme0: disk=nvme0n1, qid=2, head=4, tail=4";

    [Theory]
    [InlineData("    kworker/1:1H-145     [001] .....    10.505455: " + Payload, "kworker/1:1H", 145, 1, 10_505_455_000)]
    [InlineData("    kworker/1:1H-145     [001] d.h.     10.505455: " + Payload, "kworker/1:1H", 145, 1, 10_505_455_000)]
    [InlineData("    kworker/1:1H-145     [001]    10.505455: " + Payload, "kworker/1:1H", 145, 1, 10_505_455_000)]
    [InlineData("           <...>-44      [000] .....    10.509640: " + Payload, "<...>", 44, 0, 10_509_640_000)]
    [InlineData("   my prog-v2 x-9876 ( 9870) [003] d..2.  123.000000001: " + Payload, "my prog-v2 x", 9876, 3, 123_000_000_001)]
    [InlineData("            bash-1234  (-------) [002] ....   5.500000: " + Payload, "bash", 1234, 2, 5_500_000_000)]
    [InlineData("          <idle>-0       [012] d.H1.  987654321: " + Payload, "<idle>", 0, 12, 987_654_321)]
    public void Header_columns_are_read_in_every_variant(string line, string comm, int pid, int cpu, long timestamp)
    {
        var header = TextCaptures.Single(line).Header;

        Assert.Equal(new EventHeader(timestamp, cpu, pid, comm), header);
    }

    [Fact]
    public void A_raw_counter_clock_is_flagged()
    {
        var (_, reader) = TextCaptures.ReadText("          <idle>-0       [012] d.H1.  987654321: " + Payload + "\n");

        Assert.True(reader.Metadata.RawClock);
    }

    [Fact]
    public void Lost_event_lines_are_counted_per_cpu()
    {
        var text = "CPU:1 [LOST 17 EVENTS]\n    kworker/1:1H-145     [001] .....    10.505455: " + Payload + "\nCPU:0 [LOST 3 EVENTS]\n";
        var (events, reader) = TextCaptures.ReadText(text);

        Assert.Single(events);
        Assert.Equal(17, reader.Statistics.LostEventsByCpu[1]);
        Assert.Equal(20, reader.Statistics.LostEvents);
    }

    [Fact]
    public void Cpu_count_comes_from_the_kernel_header_and_the_report_header()
    {
        var (_, kernel) = TextCaptures.ReadText("# entries-in-buffer/entries-written: 324/324   #P:4\n");
        var (_, report) = TextCaptures.ReadText("cpus=2\n", CaptureFormat.TraceCmdReport);

        Assert.Equal(4, kernel.Metadata.DeclaredCpus);
        Assert.Equal(2, report.Metadata.DeclaredCpus);
    }

    [Theory]
    [InlineData("[    7.916278]     udio-165       0..... 4826968us : " + Payload, 0, 4_826_968_000)]
    [InlineData("[    7.916278] kworker/-145       1dNh1. 4826968us+: " + Payload, 1, 4_826_968_000)]
    [InlineData("<4>[  120.5][  C1]     bash-77      12d.h.. 42us : " + Payload, 12, 42_000)]
    public void Console_dump_lines_are_read_behind_their_printk_prefix(string line, int cpu, long timestamp)
    {
        var header = TextCaptures.Single(line, CaptureFormat.ConsoleDump).Header;

        Assert.Equal((cpu, timestamp), (header.Cpu, header.TimestampNs));
    }

    [Fact]
    public void Console_dump_keeps_the_oops_cpu_when_the_header_survived()
    {
        var log = "[ 1.0] CPU: 1 PID: 0 Comm: swapper/1 Not tainted\n[ 1.0] Kernel panic - not syncing: softlockup: hung tasks\n";
        var (_, reader) = TextCaptures.ReadText(log, CaptureFormat.ConsoleDump);

        Assert.Equal(new PanicReport("softlockup: hung tasks", 1), reader.Metadata.Panic);
    }
}
