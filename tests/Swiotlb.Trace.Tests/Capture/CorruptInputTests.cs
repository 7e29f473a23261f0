using Swiotlb.Trace.Capture;
using Swiotlb.Trace.Events;
using Swiotlb.Trace.Tests.Support;

namespace Swiotlb.Trace.Tests.Capture;

/// <summary>Truncated, damaged and foreign inputs give what could be read plus a warning, or one clear error line — never a stack trace.</summary>
public sealed class CorruptInputTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("swiotrace-corrupt-").FullName;
    private static readonly byte[] Original = File.ReadAllBytes(Samples.Capture("smoke-6.1.0/trace.txt"));
    private static readonly List<TraceEvent> Complete = Read(Original).Events;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public void Every_truncation_keeps_a_prefix_of_the_events_and_warns_when_it_cut_a_line()
    {
        for (var length = 1; length < Original.Length; length += 97)
        {
            var (events, stats) = Read(Original[..length]);

            Assert.Equal(Complete.Take(events.Count), events);
            var cutInsideLine = Original[length - 1] != (byte)'\n';
            Assert.Equal(cutInsideLine, stats.Truncated);
            Assert.Equal(cutInsideLine, stats.Warnings.Any(w => w.Message.Contains("truncated")));
        }
    }

    [Fact]
    public void A_damaged_line_is_counted_and_named_and_the_rest_is_read()
    {
        var lines = System.Text.Encoding.UTF8.GetString(Original).Split('\n');
        var bounced = Enumerable.Range(0, lines.Length).Where(i => lines[i].Contains("dev_addr=")).ToArray();
        lines[bounced[0]] = "    kworker/1:1H-145     [001] .....    10.5xx: swiotlb_bounced: dev_name: 0000:00:04.0";
        lines[bounced[3]] = lines[bounced[3]].Replace("dev_addr=", "dev_adr=");
        var (events, stats) = Read(System.Text.Encoding.UTF8.GetBytes(string.Join('\n', lines)));

        Assert.Equal(Complete.Count - 2, events.Count);
        Assert.Equal(2, stats.MalformedLines);
        Assert.Equal(bounced[0] + 1, stats.Warnings[0].Position.Line);
        Assert.Contains("timestamp", stats.Warnings[0].Message);
        Assert.Equal(bounced[3] + 1, stats.Warnings[1].Position.Line);
        Assert.Contains("dev_addr", stats.Warnings[1].Message);
    }

    [Fact]
    public void Random_byte_damage_never_crashes_the_command()
    {
        var random = new Random(20261124);
        for (var round = 0; round < 200; round++)
        {
            var damaged = (byte[])Original.Clone();
            for (var flips = random.Next(1, 8); flips > 0; flips--)
                damaged[random.Next(damaged.Length)] = (byte)random.Next(256);
            var path = Write($"damaged-{round}.txt", damaged);

            var (code, _, error) = CliRun.Run("inspect", path, "--format", "json");

            Assert.True(code is 0 or 2, $"round {round}: exit {code}");
            Assert.DoesNotContain("   at ", error);
        }
    }

    [Fact]
    public void Binary_garbage_is_refused_with_file_and_offset()
    {
        var path = Write("garbage.bin", [0x7f, 0x45, 0x4c, 0x46, 0x02, 0x01, 0x00, 0x00]);

        var (code, _, error) = CliRun.Run("inspect", path);

        Assert.Equal(2, code);
        CliRun.AssertCleanError(error, $"{path}@6");
        Assert.Contains("binary", error);
    }

    [Fact]
    public void Text_that_is_no_trace_is_refused_with_file_and_line()
    {
        var path = Write("notes.txt", "\nhello\nthis is not a trace\n"u8.ToArray());

        var (code, _, error) = CliRun.Run("inspect", path);

        Assert.Equal(2, code);
        CliRun.AssertCleanError(error, $"{path}:2");
    }

    [Fact]
    public void Empty_and_missing_files_are_refused()
    {
        var empty = Write("empty.txt", []);
        var missing = Path.Combine(_dir, "missing.dat");

        CliRun.AssertCleanError(CliRun.Run("inspect", empty).Error, "empty");
        CliRun.AssertCleanError(CliRun.Run("inspect", missing).Error, missing);
        Assert.Equal(2, CliRun.Run("inspect", missing).ExitCode);
    }

    [Fact]
    public void A_text_file_without_line_breaks_is_refused_not_buffered_whole()
    {
        var head = System.Text.Encoding.UTF8.GetBytes("# tracer: nop\n");
        var path = Write("one-line.txt", [.. head, .. Enumerable.Repeat((byte)'x', 5 << 20)]);

        var (code, _, error) = CliRun.Run("inspect", path);

        Assert.Equal(2, code);
        CliRun.AssertCleanError(error, "no line break");
    }

    private string Write(string name, byte[] content)
    {
        var path = Path.Combine(_dir, name);
        File.WriteAllBytes(path, content);
        return path;
    }

    private static (List<TraceEvent> Events, ReadStatistics Stats) Read(byte[] content)
    {
        using var reader = new Swiotlb.Trace.Text.FtraceTextReader(new MemoryStream(content), "t.txt", CaptureFormat.FtraceText);
        return ([.. reader.ReadEvents()], reader.Statistics);
    }
}
