using Swiotlb.Trace.Capture;
using Swiotlb.Trace.Tests.Support;
using Swiotlb.Trace.TraceDat;

namespace Swiotlb.Trace.Tests.Hostile;

/// <summary>No single field of a capture or the command line sizes what swiotrace holds: limits come from the file and the kernel.</summary>
public sealed class ResourceLimitTests : IDisposable
{
    private const long Budget = 200L << 20;
    private readonly HostileCaptures _captures = new();

    public void Dispose() => _captures.Dispose();

    [Fact]
    public void Two_thousand_cpus_sharing_one_region_with_1_MiB_pages_are_dropped_with_a_warning_each_not_given_a_page_each()
    {
        var path = _captures.V6WithCpusSharingOneRegion(cpus: 2000, pageSize: 1 << 20);
        (int Code, string Output, string Error) run = default;

        var allocated = HostileCaptures.AllocatedBy(() => run = CliRun.Run("inspect", path, "--format", "json"));

        // CPU 0 holds the smoke capture's NVMe commands and kprobes, so inspect reads the file four times (its own pass, then
        // the observed-only replay's probe, evidence and replay passes); a 1 MiB page for each of the 2,000 CPUs would be 2 GiB a read.
        Assert.Equal(0, run.Code);
        Assert.InRange(allocated, 0, 2 * Budget);
        Assert.Contains("\"CPU data dropped\": 1999", run.Output);
    }

    [Fact]
    public void Events_without_a_format_keep_a_count_and_the_first_warnings_not_one_object_per_event()
    {
        var file = File.ReadAllBytes(HostileCaptures.Sample("smoke-6.1.0/trace-v6.dat"));
        var text = System.Text.Encoding.Latin1.GetString(file);
        for (var at = text.IndexOf("\nID: ", StringComparison.Ordinal); at >= 0; at = text.IndexOf("\nID: ", at + 1, StringComparison.Ordinal))
            for (var digit = at + 5; char.IsAsciiDigit(text[digit]); digit++)
                file[digit] = (byte)'9';
        using var stream = new MemoryStream(file);
        var reader = TraceDatReader.Open(stream, "no-formats.dat");

        var events = reader.ReadEvents().Count();

        Assert.True(events > 300);
        Assert.True(reader.WarningCount >= events, $"{reader.WarningCount} warnings for {events} events");
        Assert.Equal(TraceDatReader.MaxKeptWarnings, reader.Warnings.Count);
    }

    [Fact]
    public void Reading_statistics_count_every_warning_per_kind_and_keep_the_first_few()
    {
        var statistics = new ReadStatistics();
        for (var line = 1; line <= 100_000; line++)
            statistics.Malformed(CapturePosition.AtLine("t.txt", line, 0), "a timestamp");

        Assert.Equal(100_000, statistics.WarningsByKind[WarningKinds.MalformedLine]);
        Assert.Equal(ReadStatistics.MaxKeptWarnings, statistics.Warnings.Count);
    }

    [Fact]
    public void A_dmesg_pool_of_64_GiB_is_ignored_for_the_default_pool_not_replayed_as_33_million_slots()
    {
        var folder = Path.Combine(_captures.Folder, "huge-pool");
        Directory.CreateDirectory(folder);
        File.Copy(HostileCaptures.Sample("smoke-6.1.0/trace.txt"), Path.Combine(folder, "trace.txt"));
        File.WriteAllText(Path.Combine(folder, "dmesg.txt"),
            "[    0.000000] software IO TLB: mapped [mem 0x0000000000000000-0x0000000fffffffff] (65536MB)\n");
        (int Code, string Output, string Error) run = default;

        var allocated = HostileCaptures.AllocatedBy(() => run = CliRun.Run("replay", "--verbose", Path.Combine(folder, "trace.txt")));

        Assert.InRange(run.Code, 0, 1);
        Assert.InRange(allocated, 0, Budget);
        Assert.Contains("dmesg mapped range of 68719476736 bytes ignored", run.Output);
    }

    [Theory]
    [InlineData("--slots", "100000000", "2097152")]
    [InlineData("--slots", "-5", "multiple of 128")]
    [InlineData("--slots", "1000", "multiple of 128")]
    [InlineData("--areas", "3", "power of two")]
    [InlineData("--nvme-sgl-threshold", "-3", "not a byte count from 0 to 4294967295")]
    [InlineData("--nvme-sgl", "0000:00:04.0=maybe", "expected DEVICE=yes|no")]
    public void Pool_options_beyond_what_a_kernel_can_have_are_usage_errors_in_their_own_words(string option, string value, string mention)
    {
        var (code, _, error) = CliRun.Run("replay", HostileCaptures.Sample("smoke-6.1.0/trace.txt"), option, value);

        Assert.Equal(2, code);
        Assert.Contains(mention, error);
        Assert.DoesNotContain("(Parameter", error);
        Assert.DoesNotContain("System.", error);
    }

    [Theory]
    [InlineData("linux-99.99")]
    [InlineData("8.0.0")]
    [InlineData("1.2.3")]
    public void A_kernel_release_no_model_was_checked_against_is_refused(string model)
    {
        var (code, _, error) = CliRun.Run("replay", HostileCaptures.Sample("smoke-6.1.0/trace.txt"), "--model", model);

        Assert.Equal(2, code);
        Assert.Contains("7.x", error);
    }
}
