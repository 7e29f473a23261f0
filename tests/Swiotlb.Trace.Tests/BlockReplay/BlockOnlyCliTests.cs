using System.Text.Json;
using Swiotlb.Trace.Tests.Support;

namespace Swiotlb.Trace.Tests.BlockReplay;

/// <summary><c>swiotrace replay</c> on a blktrace capture: labelled as assumption-based, offsets assumed, options checked.</summary>
public sealed class BlockOnlyCliTests
{
    private static readonly string Blktrace = Samples.Capture("fio-mixed-6.1.0/blk/nvme0n1.blktrace.0");

    [Fact]
    public void Text_report_labels_results_as_assumption_based()
    {
        var (_, output, _) = CliRun.Run("replay", Blktrace, "--verbose");

        Assert.Contains("mappings: 925 from block requests (ASSUMPTION-BASED", output);
        Assert.Contains("assumed:  every buffer starts 0 bytes into its page (--assume-offset 0)", output);
        Assert.Contains("device:   block 259,1 min_align_mask 0xfff (assumed from its block major)", output);
        Assert.Contains("warning: only block requests: every result is assumption-based", output);
    }

    [Fact]
    public void Json_report_has_assumptions_only_when_results_rest_on_them()
    {
        var blockOnly = Json("replay", Blktrace, "--format", "json", "--assume-offset", "random:512");
        var exact = Json("replay", Samples.Capture("fio-mixed-6.1.0/trace.txt"), "--format", "json");
        var exactAndDeclared = Json("replay", Samples.Capture("fio-mixed-6.1.0/trace.txt"), "--format", "json", "--nvme-sgl", "0000:00:04.0=no");

        Assert.Equal("blockRequests", blockOnly.GetProperty("pairing").GetProperty("source").GetString());
        Assert.Equal(925, blockOnly.GetProperty("pairing").GetProperty("mapsFromBlockRequests").GetInt64());
        Assert.Contains(blockOnly.GetProperty("assumptions").EnumerateArray(), a => a.GetString()!.Contains("random multiple of 512 bytes"));
        Assert.Contains(blockOnly.GetProperty("warnings").EnumerateArray(), w => w.GetString()!.Contains("assumption-based"));
        // Exact mappings; only the controller's SGL support is not in the capture, until the user states it.
        Assert.Equal(["0000:00:04.0: nothing in the capture shows whether the NVMe controller takes SGLs; PRPs only assumed (--nvme-sgl 0000:00:04.0=yes|no)"],
            exact.GetProperty("assumptions").EnumerateArray().Select(a => a.GetString()));
        Assert.Empty(exactAndDeclared.GetProperty("assumptions").EnumerateArray());
    }

    [Fact]
    public void Offset_512_is_truncated_for_the_nvme_device_under_5_10_and_kept_under_6_1()
    {
        var root = Json("replay", Blktrace, "--format", "json", "--assume-offset", "512", "--block-device", "259,1=0000:00:04.0",
            "-m", "linux-5.10", "-m", "linux-6.1");
        var summaries = root.GetProperty("summary").EnumerateArray()
            .Where(s => s.GetProperty("device").GetString() == "0000:00:04.0")
            .ToDictionary(s => s.GetProperty("model").GetString()!);
        var truncations = root.GetProperty("mappingFindings").EnumerateArray()
            .Where(f => f.GetProperty("kind").GetString() == "truncation")
            .GroupBy(f => f.GetProperty("model").GetString()!)
            .ToDictionary(g => g.Key, g => g.Count());

        Assert.Equal(925, summaries["linux-5.10"].GetProperty("withPageOffset").GetInt64());
        Assert.Equal(925, summaries["linux-5.10"].GetProperty("offsetsLost").GetInt64());
        Assert.Equal(0, summaries["linux-6.1"].GetProperty("offsetsLost").GetInt64());
        Assert.True(truncations.GetValueOrDefault("linux-5.10") > 0);
        Assert.False(truncations.ContainsKey("linux-6.1"));
    }

    [Theory]
    [InlineData("--assume-offset", "4096")]
    [InlineData("--assume-offset", "0x200")]
    [InlineData("--assume-offset", "half")]
    [InlineData("--assume-offset", "random:384")]
    [InlineData("--assume-offset", "random:8192")]
    [InlineData("--block-device", "259,1")]
    [InlineData("--block-device", "259=0000:00:04.0")]
    [InlineData("--block-device", "259,x=0000:00:04.0")]
    public void Invalid_block_assumptions_exit_two(string option, string value)
    {
        var (code, _, error) = CliRun.Run("replay", Blktrace, option, value);

        Assert.Equal(2, code);
        CliRun.AssertCleanError(error, option);
    }

    private static JsonElement Json(params string[] args)
    {
        var (_, output, _) = CliRun.Run(args);
        return JsonDocument.Parse(output).RootElement.Clone();
    }
}
