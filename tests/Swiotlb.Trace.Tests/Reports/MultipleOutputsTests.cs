using Swiotlb.Trace.Tests.Support;

namespace Swiotlb.Trace.Tests.Reports;

/// <summary>One replay, every format: CI replays once and gets the same reports as separate runs would write.</summary>
public sealed class MultipleOutputsTests
{
    private static readonly string Capture = Samples.Capture("fio-mixed-6.1.0/trace.txt");

    [Fact]
    public void Json_markdown_junit_and_html_beside_the_text_report_equal_their_own_runs()
    {
        var folder = Directory.CreateTempSubdirectory("swiotrace-outputs-").FullName;
        string At(string name) => Path.Combine(folder, name);

        var (exit, text, _) = CliRun.Run("replay", Capture, "--json", At("r.json"), "--markdown", At("r.md"), "--junit", At("r.xml"), "--html", At("r.html"));

        Assert.Equal(1, exit);
        Assert.Equal(CliRun.Run("replay", Capture).Output, text);
        Assert.Equal(CliRun.Run("replay", Capture, "--format", "json").Output, File.ReadAllText(At("r.json")));
        Assert.Equal(CliRun.Run("replay", Capture, "--format", "markdown").Output, File.ReadAllText(At("r.md")));
        Assert.StartsWith("<?xml", File.ReadAllText(At("r.xml")));
        Assert.StartsWith("<!DOCTYPE html>", File.ReadAllText(At("r.html")));
    }

    [Fact]
    public void Two_outputs_on_one_path_are_a_usage_error()
    {
        var path = Path.Combine(Path.GetTempPath(), "swiotrace-same-output.json");

        var (exit, _, error) = CliRun.Run("replay", Capture, "--json", path, "--junit", path);

        Assert.Equal(2, exit);
        CliRun.AssertCleanError(error, "--junit");
    }
}
