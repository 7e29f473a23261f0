using System.Text.Json;
using System.Text.RegularExpressions;
using Swiotlb.Trace.Tests.Support;

namespace Swiotlb.Trace.Tests.Blktrace;

/// <summary><c>swiotrace inspect</c> on blktrace captures: counts per action against blkparse's own rendering, warnings and errors that name the CPU file.</summary>
public sealed partial class InspectBlktraceTests
{
    [Theory]
    [MemberData(nameof(SampleCaptures.WithBlktrace), MemberType = typeof(SampleCaptures))]
    public void Inspect_counts_every_action_blkparse_printed(string capture)
    {
        var cpuFile = Directory.GetFiles(SampleCaptures.BlkFolder(capture), "*.blktrace.0").Single();

        var (code, output, error) = CliRun.Run("inspect", cpuFile, "--format", "json");

        Assert.Equal(0, code);
        Assert.Equal("", error);
        using var report = JsonDocument.Parse(output);
        var counts = report.RootElement.GetProperty("eventCounts").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetInt64());
        var expected = BlkparseActionCounts(Path.Combine(SampleCaptures.Root, capture, "blkparse.txt"))
            .ToDictionary(p => p.Key switch { "D" => "block_rq_issue", "C" => "block_rq_complete", var letters => "blktrace:" + letters }, p => p.Value);
        Assert.Equal(expected.OrderBy(p => p.Key), counts.OrderBy(p => p.Key));
        Assert.Equal(["0", "1"], report.RootElement.GetProperty("partFiles").EnumerateArray().Select(f => f.GetString()![^1..]));
        Assert.Equal("blktrace", report.RootElement.GetProperty("format").GetString());
    }

    [Fact]
    public void Inspect_takes_the_trace_name_and_shows_its_cpu_files_and_actions()
    {
        var name = Path.Combine(SampleCaptures.BlkFolder("smoke-6.1.0"), "nvme0n1");

        var (code, output, _) = CliRun.Run("inspect", name);

        Assert.Equal(0, code);
        Assert.Contains("blktrace binary", output);
        Assert.Contains("nvme0n1.blktrace.0", output);
        Assert.Contains("nvme0n1.blktrace.1", output);
        Assert.Matches(@"blktrace:Q\s+20\n", output);
        Assert.Matches(@"block_rq_issue\s+20\n", output);
    }

    [Fact]
    public void A_truncated_cpu_file_is_a_warning_naming_the_file_and_byte_offset()
    {
        using var directory = new TemporaryDirectory();
        var source = SampleCaptures.BlkFolder("smoke-6.1.0");
        File.Copy(Path.Combine(source, "nvme0n1.blktrace.0"), Path.Combine(directory.Path, "nvme0n1.blktrace.0"));
        var cpu1 = File.ReadAllBytes(Path.Combine(source, "nvme0n1.blktrace.1"));
        var cut = directory.File("nvme0n1.blktrace.1", cpu1[..^10]);

        var (code, output, error) = CliRun.Run("inspect", Path.Combine(directory.Path, "nvme0n1"), "--format", "json");

        Assert.Equal(0, code);
        using var report = JsonDocument.Parse(output);
        var statistics = report.RootElement.GetProperty("reading");
        Assert.True(statistics.GetProperty("truncated").GetBoolean());
        var warning = Assert.Single(statistics.GetProperty("warnings").EnumerateArray()).GetString()!;
        Assert.StartsWith($"{cut}@", warning);
        var offset = long.Parse(warning[(cut.Length + 1)..warning.IndexOf(':', cut.Length)], System.Globalization.CultureInfo.InvariantCulture);
        Assert.InRange(offset, cpu1.Length - 10 - 48 - 64, cpu1.Length - 10);
        Assert.Contains("truncated record", error);
    }

    [Fact]
    public void A_cpu_file_that_is_not_blktrace_is_a_one_line_error_with_file_and_offset()
    {
        using var directory = new TemporaryDirectory();
        var source = SampleCaptures.BlkFolder("smoke-6.1.0");
        File.Copy(Path.Combine(source, "nvme0n1.blktrace.0"), Path.Combine(directory.Path, "nvme0n1.blktrace.0"));
        var bad = directory.File("nvme0n1.blktrace.1", new byte[96]);

        var (code, _, error) = CliRun.Run("inspect", Path.Combine(directory.Path, "nvme0n1.blktrace.0"));

        Assert.Equal(2, code);
        CliRun.AssertCleanError(error, $"{bad}@0");
    }

    /// <summary>Record lines of blkparse's default output per action letter (the sixth column), read without swiotrace's code.</summary>
    private static Dictionary<string, long> BlkparseActionCounts(string blkparseText) =>
        File.ReadLines(blkparseText)
            .Select(line => RecordLine().Match(line))
            .Where(match => match.Success)
            .GroupBy(match => match.Groups["action"].Value)
            .ToDictionary(group => group.Key, group => (long)group.Count());

    [GeneratedRegex(@"^\s*\d+,\d+\s+\d+\s+\d+\s+\d+\.\d+\s+\d+\s+(?<action>[A-Za-z]+)\s")]
    private static partial Regex RecordLine();
}
