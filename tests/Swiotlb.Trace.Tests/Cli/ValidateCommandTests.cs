using System.Text.Json;
using Swiotlb.Trace.Tests.Support;

namespace Swiotlb.Trace.Tests.Cli;

public class ValidateCommandTests
{
    private static readonly string Offsets61 = Samples.Capture("offsets-6.1.0/trace.txt");

    [Fact]
    public void Own_kernel_model_exits_zero_and_says_every_prediction_matched()
    {
        var (code, output, error) = CliRun.Run("validate", Offsets61);

        Assert.Equal(0, code);
        Assert.Empty(error);
        Assert.Contains("model:    linux-6.1 (chosen by the capture's kernel 6.1.0-54-amd64)", output);
        Assert.Contains("start 0x37b00000 (pool= kprobe argument)", output);
        Assert.Contains("exact matches                1342  (100.00%)", output);
        Assert.Contains("result: all 1342 predicted mappings match the kernel's answers", output);
        Assert.DoesNotContain("first divergence", output);
    }

    [Fact]
    public void Pre_patch_model_on_a_6_1_capture_exits_one_with_the_first_divergence_in_context()
    {
        var (code, output, _) = CliRun.Run("validate", Offsets61, "--model", "linux-5.10");
        var lines = output.Split('\n').Select(l => l.TrimEnd()).ToList();

        Assert.Equal(1, code);
        Assert.Contains("model:    linux-5.10 (chosen by --model)", output);
        Assert.Contains("first divergence (of 596):", output);
        Assert.Contains("  event      10.189259000 s  CPU 1  0000:00:04.0  map orig 0x11850000, 512 B (0x200)", lines);
        Assert.Contains("  predicted  0x39b16800 (slot 16429, area 0)", lines);
        Assert.Contains("  observed   0x39b17000 (slot 16430, area 0)", lines);
        Assert.Contains("  state      area 0, cursor 16429 before this mapping; min_align_mask 0xfff", lines);
        int marked = lines.FindIndex(l => l.StartsWith("   >> ", StringComparison.Ordinal));
        Assert.EndsWith("map orig 0x11850000, 512 B (0x200)  → MISMATCH", lines[marked]);
        Assert.EndsWith("unmap 0x39b16000, 512 B (0x200)  → released", lines[marked - 1]);
        Assert.EndsWith("unmap 0x39b17000, 512 B (0x200)  → released", lines[marked + 1]);
        Assert.Contains("further mismatches (first 10 of 595):", output);
    }

    [Theory]
    [InlineData("--device", "x")]
    [InlineData("--model", "frobnicate")]
    [InlineData("--pool-start", "zz")]
    public void Bad_option_values_exit_two_with_one_clean_line(string option, string value)
    {
        var (code, output, error) = CliRun.Run("validate", Offsets61, option, value);

        Assert.Equal(2, code);
        Assert.Empty(output);
        CliRun.AssertCleanError(error, value);
    }

    [Theory]
    [InlineData("validate")]
    [InlineData("validate", "a.txt", "--format", "xml")]
    public void Usage_errors_exit_two(params string[] args) => Assert.Equal(2, CliRun.Run(args).ExitCode);

    [Fact]
    public void A_missing_capture_exits_two()
    {
        var (code, _, error) = CliRun.Run("validate", "no-such-capture.txt");

        Assert.Equal(2, code);
        CliRun.AssertCleanError(error, "no-such-capture.txt");
    }

    [Fact]
    public void Json_carries_model_pool_devices_pairing_and_tallies()
    {
        var (code, output, _) = CliRun.Run("validate", Offsets61, "--format", "json");
        using var json = JsonDocument.Parse(output);
        var root = json.RootElement;
        var replay = root.GetProperty("replay");
        var devices = root.GetProperty("devices").EnumerateArray().ToDictionary(d => d.GetProperty("name").GetString()!);

        Assert.Equal(0, code);
        Assert.Equal("linux-6.1", root.GetProperty("model").GetString());
        Assert.Equal("0x37b00000", root.GetProperty("pool").GetProperty("start").GetString());
        Assert.Equal(2, root.GetProperty("pool").GetProperty("areas").GetInt32());
        Assert.Equal(1344, root.GetProperty("pairing").GetProperty("mapsFromKprobes").GetInt64());
        Assert.Equal((1344, 1342, 1342), (replay.GetProperty("mappings").GetInt32(), replay.GetProperty("predicted").GetInt32(), replay.GetProperty("exactMatches").GetInt32()));
        Assert.True(replay.GetProperty("allMatch").GetBoolean());
        Assert.Equal("0xfff", devices["0000:00:04.0"].GetProperty("minAlignMask").GetString());
        Assert.Equal("declared", devices["0000:00:04.0"].GetProperty("evidence").GetString());
        Assert.Equal("0x0", devices["0000:00:06.0"].GetProperty("minAlignMask").GetString());
        Assert.Equal(JsonValueKind.Null, root.GetProperty("firstDivergence").ValueKind);
        Assert.Empty(root.GetProperty("divergences").EnumerateArray());
    }

    [Fact]
    public void Json_lists_every_divergence_and_the_first_ones_neighbours()
    {
        var (code, output, _) = CliRun.Run("validate", Offsets61, "--model", "linux-5.10", "--format", "json");
        using var json = JsonDocument.Parse(output);
        var root = json.RootElement;
        var first = root.GetProperty("divergences")[0];
        var context = root.GetProperty("firstDivergence");

        Assert.Equal(1, code);
        Assert.Equal(596, root.GetProperty("divergences").GetArrayLength());
        Assert.Equal("0x11850000", first.GetProperty("original").GetString());
        Assert.Equal("0x39b16800", first.GetProperty("predicted").GetProperty("address").GetString());
        Assert.Equal("0x39b17000", first.GetProperty("observed").GetProperty("address").GetString());
        Assert.Equal(16429, first.GetProperty("areaCursor").GetInt32());
        Assert.Equal(first.GetProperty("sequence").GetInt32(), context.GetProperty("sequence").GetInt32());
        Assert.Equal(["adopted", "released"], context.GetProperty("before").EnumerateArray().Select(o => o.GetProperty("verdict").GetString()));
        Assert.Equal(3, context.GetProperty("after").GetArrayLength());
    }

    [Fact]
    public void Output_option_writes_the_report_to_a_file()
    {
        var path = Path.GetTempFileName();
        try
        {
            var (code, output, _) = CliRun.Run("validate", Samples.Capture("smoke-6.12.117/trace.txt"), "-o", path);

            Assert.Equal(0, code);
            Assert.Empty(output);
            Assert.Contains("model:    linux-6.9", File.ReadAllText(path));
        }
        finally
        {
            File.Delete(path);
        }
    }
}
