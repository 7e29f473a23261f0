using System.Text.Json;
using Swiotlb.Trace.Tests.Support;

namespace Swiotlb.Trace.Tests.Cli;

public class CommandLineTests
{
    [Fact]
    public void Help_lists_the_verbs_and_exits_zero()
    {
        var (code, output, _) = CliRun.Run("--help");

        Assert.Equal(0, code);
        Assert.Contains("inspect", output);
        Assert.Contains("validate", output);
    }

    [Fact]
    public void Inspect_help_names_its_options()
    {
        var (code, output, _) = CliRun.Run("inspect", "--help");

        Assert.Equal(0, code);
        Assert.Contains("--format", output);
        Assert.Contains("-o, --output", output);
    }

    [Theory]
    [InlineData("inspect")]
    [InlineData("inspect", "a.txt", "--format", "xml")]
    [InlineData("frobnicate")]
    public void Usage_errors_exit_two(params string[] args)
    {
        var (code, _, error) = CliRun.Run(args);

        Assert.Equal(2, code);
        Assert.StartsWith("swiotrace: ", error);
    }

    [Fact]
    public void Inspect_json_reports_counts_devices_and_kernel()
    {
        var (code, output, _) = CliRun.Run("inspect", Samples.Capture("offsets-6.1.0/trace.txt"), "--format", "json");
        using var json = JsonDocument.Parse(output);
        var root = json.RootElement;

        Assert.Equal(0, code);
        Assert.Equal("6.1.0-54-amd64", root.GetProperty("kernelRelease").GetString());
        Assert.Equal(1344, root.GetProperty("eventCounts").GetProperty("swmapret").GetInt64());
        var devices = root.GetProperty("devices").EnumerateArray().ToDictionary(d => d.GetProperty("name").GetString()!);
        Assert.Equal("losesOffsets", devices["0000:00:06.0"].GetProperty("verdict").GetString());
        Assert.Equal("keepsOffsets", devices["0000:00:04.0"].GetProperty("verdict").GetString());
        Assert.Equal(10_175_032_000, root.GetProperty("firstTimestampNs").GetInt64());
    }

    [Fact]
    public void Inspect_writes_to_the_output_file()
    {
        var path = Path.GetTempFileName();
        try
        {
            var (code, output, _) = CliRun.Run("inspect", Samples.Capture("smoke-6.1.0/trace.txt"), "-o", path);

            Assert.Equal(0, code);
            Assert.Empty(output);
            Assert.Contains("LOSES offsets", File.ReadAllText(path));
        }
        finally
        {
            File.Delete(path);
        }
    }
}
