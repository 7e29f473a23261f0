using System.Diagnostics;
using System.IO.Compression;
using Swiotlb.Trace.Tests.Support;

namespace Swiotlb.Trace.Tests.Hostile;

/// <summary>Every input a user can have: pipes and FIFOs (no seeking), gzip/zstd/xz captures, capture directories.</summary>
public sealed class InputFormTests : IDisposable
{
    private readonly HostileCaptures _captures = new();

    public void Dispose() => _captures.Dispose();

    public static TheoryData<string> Captures() =>
        ["smoke-6.1.0/trace.txt", "smoke-6.1.0/trace.dat", "smoke-6.1.0/trace-v6.dat", "smoke-6.1.0/perf-script.txt", "hang-6.1.0/console.log"];

    [Theory]
    [MemberData(nameof(Captures))]
    public async Task A_fifo_reads_like_the_file(string sample)
    {
        var fifo = Path.Combine(_captures.Folder, "capture.fifo");
        Process.Start("mkfifo", fifo).WaitForExit();
        var writer = Task.Run(async () =>
        {
            await using var pipe = new FileStream(fifo, FileMode.Open, FileAccess.Write);
            await using var source = File.OpenRead(HostileCaptures.Sample(sample));
            await source.CopyToAsync(pipe);
        });

        var fromPipe = await Task.Run(() => CliRun.Run("inspect", fifo, "--format", "json")).WaitAsync(TimeSpan.FromSeconds(60));
        await writer;
        var fromFile = CliRun.Run("inspect", HostileCaptures.Sample(sample), "--format", "json");

        Assert.Equal(0, fromPipe.ExitCode);
        Assert.Equal(EventCounts(fromFile.Output), EventCounts(fromPipe.Output));
    }

    /// <summary>replay, diff, export and inspect read a capture more than once: a pipe is copied once and named as given.</summary>
    [Theory]
    [InlineData("nomask-fio-verify-6.1.0/trace.txt")]
    [InlineData("nomask-fio-verify-6.1.0/trace.dat")]
    public async Task Replay_from_a_fifo_reports_what_it_reports_from_the_file(string sample)
    {
        // The FIFO sits beside the sample's uname.txt and dmesg.txt, as a user's would, so the two runs know the same facts.
        var folder = Directory.CreateDirectory(Path.Combine(_captures.Folder, Path.GetDirectoryName(sample)!)).FullName;
        foreach (var sibling in new[] { "uname.txt", "dmesg.txt" })
            File.Copy(Path.Combine(Path.GetDirectoryName(HostileCaptures.Sample(sample))!, sibling), Path.Combine(folder, sibling), overwrite: true);
        var fifo = Path.Combine(folder, "replay.fifo");
        Process.Start("mkfifo", fifo).WaitForExit();
        var writer = Task.Run(async () =>
        {
            await using var pipe = new FileStream(fifo, FileMode.Open, FileAccess.Write);
            await using var source = File.OpenRead(HostileCaptures.Sample(sample));
            await source.CopyToAsync(pipe);
        });

        var fromPipe = await Task.Run(() => CliRun.Run("replay", fifo, "--model", "linux-6.1", "--format", "json")).WaitAsync(TimeSpan.FromSeconds(60));
        await writer;
        var fromFile = CliRun.Run("replay", HostileCaptures.Sample(sample), "--model", "linux-6.1", "--format", "json");

        Assert.Equal((1, ""), (fromPipe.ExitCode, fromPipe.Error));
        Assert.Equal(fromFile.Output.Replace(HostileCaptures.Sample(sample), fifo), fromPipe.Output);
    }

    [Theory]
    [InlineData("gz")]
    [InlineData("zst")]
    [InlineData("xz")]
    public void Compressed_captures_read_like_the_plain_ones(string suffix)
    {
        foreach (var sample in new[] { "smoke-6.1.0/trace.txt", "smoke-6.1.0/trace.dat", "smoke-6.1.0/blk/nvme0n1.blktrace.0" })
        {
            var plain = HostileCaptures.Sample(sample);
            var compressed = Compress(plain, suffix);

            var fromCompressed = CliRun.Run("inspect", compressed, "--format", "json");
            var fromPlain = CliRun.Run("inspect", plain, "--format", "json");

            Assert.True(fromCompressed.ExitCode == 0, fromCompressed.Error);
            if (!sample.Contains("blktrace", StringComparison.Ordinal))
                Assert.Equal(EventCounts(fromPlain.Output), EventCounts(fromCompressed.Output));
        }
    }

    [Fact]
    public void Corrupt_compressed_data_is_one_input_error()
    {
        var compressed = File.ReadAllBytes(Compress(HostileCaptures.Sample("smoke-6.1.0/trace.txt"), "gz"));
        for (var i = 100; i < compressed.Length - 100; i += 7)
            compressed[i] ^= 0x5a;
        var path = _captures.Write("damaged.txt.gz", compressed);

        var (code, _, error) = CliRun.Run("inspect", path);

        Assert.Equal(2, code);
        CliRun.AssertCleanError(error, path);
    }

    [Fact]
    public void A_capture_directory_reads_its_trace_dat_with_its_siblings()
    {
        var (code, output, error) = CliRun.Run("inspect", HostileCaptures.Sample("smoke-6.1.0"));

        Assert.True(code == 0, error);
        Assert.Contains("trace.dat", output);
        Assert.Contains("6.1.0-54-amd64", output);
    }

    [Fact]
    public void A_directory_without_a_capture_says_so_not_access_denied()
    {
        var (code, _, error) = CliRun.Run("inspect", _captures.Folder);

        Assert.Equal(2, code);
        CliRun.AssertCleanError(error, "no capture in it");
    }

    private string Compress(string plain, string suffix)
    {
        var target = Path.Combine(_captures.Folder, Path.GetFileName(plain) + "." + suffix);
        if (suffix == "xz")
        {
            using var xz = Process.Start(new ProcessStartInfo("xz", ["-k", "-c", plain]) { RedirectStandardOutput = true })!;
            using (var output = File.Create(target))
                xz.StandardOutput.BaseStream.CopyTo(output);
            xz.WaitForExit();
            return target;
        }
        using var file = File.Create(target);
        using Stream compressor = suffix == "gz" ? new GZipStream(file, CompressionLevel.Fastest) : new ZstdSharp.CompressionStream(file);
        using var source = File.OpenRead(plain);
        source.CopyTo(compressor);
        return target;
    }

    private static string EventCounts(string inspectJson)
    {
        using var document = System.Text.Json.JsonDocument.Parse(inspectJson);
        return document.RootElement.GetProperty("eventCounts").ToString();
    }
}
