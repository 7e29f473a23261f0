using System.Text.Json;
using Swiotlb.Trace.Tests.Support;
using Xunit;

namespace Swiotlb.Trace.Tests.Pool;

public sealed class PoolCommandTests
{
    private static readonly string Exhausted = Samples.Capture(PoolAnalyses.Exhausted);

    [Fact]
    public void Recommend_prints_only_the_kernel_argument_of_the_smallest_clean_pool()
    {
        var (exit, output, _) = CliRun.Run("pool", Exhausted, "--recommend");

        Assert.Equal(0, exit);
        Assert.Equal("swiotlb=2048,2,force", output.TrimEnd());
    }

    [Fact]
    public void The_json_report_carries_the_kernels_pool_the_causes_and_the_sweep()
    {
        var (exit, output, _) = CliRun.Run("pool", Exhausted, "--format", "json");
        using var document = JsonDocument.Parse(output);
        var root = document.RootElement;

        Assert.Equal(1, exit);
        Assert.Equal("pool", root.GetProperty("report").GetString());
        Assert.Equal(939, root.GetProperty("debugfsUsedHiwater").GetInt32());
        Assert.Equal(939, root.GetProperty("kernel").GetProperty("peakUsedSlots").GetInt32());
        var causes = root.GetProperty("kernel").GetProperty("failuresByCause");
        Assert.Equal(27, causes.EnumerateObject().Sum(c => c.Value.GetInt32()));
        Assert.Equal(0, causes.GetProperty("unexplained").GetInt32());
        Assert.Equal(2, root.GetProperty("kernel").GetProperty("areaUsedSlots").GetArrayLength());
        Assert.Equal("swiotlb=2048,2,force", root.GetProperty("sweep").GetProperty("smallestWithoutFailures").GetProperty("kernelArgument").GetString());
    }

    [Fact]
    public void The_html_page_draws_each_area_the_free_run_and_the_sweep_with_failures_marked()
    {
        var html = Path.Combine(Directory.CreateTempSubdirectory("swiotrace-pool-").FullName, "pool.html");
        var (exit, _, _) = CliRun.Run("pool", Exhausted, "--html", html, "-o", Path.ChangeExtension(html, ".txt"));
        var page = File.ReadAllText(html);

        Assert.Equal(1, exit);
        Assert.Contains("area 0: peak", page);
        Assert.Contains("area 1: peak", page);
        Assert.Contains("Largest free run over time", page);
        Assert.Contains("Failed mappings against pool size", page);
        Assert.True(CountOf(page, "class=\"mark\"") >= 27, "the kernel's 27 failures are marked, and the model's own on its chart");
        Assert.DoesNotContain("<script", page);
    }

    [Fact]
    public void A_bad_time_is_a_usage_error()
    {
        var (exit, _, error) = CliRun.Run("pool", Exhausted, "--from", "soon");

        Assert.Equal(2, exit);
        Assert.Contains("--from 'soon'", error);
    }

    private static int CountOf(string text, string part) => (text.Length - text.Replace(part, "").Length) / part.Length;
}
