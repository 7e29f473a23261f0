using System.Globalization;
using Swiotlb.Trace.Tests.Support;

namespace Swiotlb.Trace.Tests.Reports;

/// <summary>The default replay report fits one screen: the verdict first, lines no wider than the terminal (120 columns
/// when not on one), and the first findings in time order.</summary>
public sealed class OneScreenTextTests
{
    public static TheoryData<string> Folders() => [.. Samples.FoldersWith("trace.txt")];

    [Theory]
    [MemberData(nameof(Folders))]
    public void The_verdict_comes_first_and_every_line_fits_120_columns(string folder)
    {
        var (_, output, _) = CliRun.Run("replay", Samples.Capture($"{folder}/trace.txt"));
        var lines = output.TrimEnd().Split('\n');

        Assert.Matches("^(FINDINGS|clean|OBSERVED BREAKAGE)", lines[0]);
        // Only the capture's path, on its own line, is never cut.
        Assert.Single(lines, $"capture:  {Samples.Capture($"{folder}/trace.txt")}");
        Assert.All(lines.Where(l => !l.StartsWith("capture:", StringComparison.Ordinal)), line => Assert.True(line.Length <= 120, $"{line.Length} columns: {line}"));
        Assert.InRange(lines.Length, 8, 45);
    }

    [Fact]
    public void The_first_findings_are_in_time_order()
    {
        var (_, output, _) = CliRun.Run("replay", Samples.Capture("fio-mixed-6.1.0/trace.txt"));
        var times = output.Split('\n').SkipWhile(l => !l.StartsWith("first findings", StringComparison.Ordinal)).Skip(1)
            .TakeWhile(l => l.StartsWith("  ", StringComparison.Ordinal))
            .Select(l => decimal.Parse(l.Split(' ', StringSplitOptions.RemoveEmptyEntries)[2], CultureInfo.InvariantCulture)).ToList();

        Assert.True(times.Count >= 3);
        Assert.Equal(times.Order(), times);
    }

    [Fact]
    public void Colour_comes_with_always_and_never_with_never()
    {
        var always = CliRun.Run("replay", Samples.Capture("fio-mixed-6.1.0/trace.txt"), "--color", "always").Output;
        var never = CliRun.Run("replay", Samples.Capture("fio-mixed-6.1.0/trace.txt"), "--color", "never").Output;

        Assert.StartsWith("\u001b[1;31mFINDINGS\u001b[0m", always);
        Assert.DoesNotContain('\u001b', never);
        Assert.Equal(never.Split('\n').Length, always.Split('\n').Length);
    }

    [Fact]
    public void Verbose_shows_what_one_screen_leaves_out()
    {
        var verbose = CliRun.Run("replay", Samples.Capture("fio-mixed-6.1.0/trace.txt"), "--verbose").Output;
        var brief = CliRun.Run("replay", Samples.Capture("fio-mixed-6.1.0/trace.txt")).Output;

        Assert.Contains("PRP entries:", verbose);
        Assert.DoesNotContain("PRP entries:", brief);
        Assert.Contains("by buffer offset", verbose);
    }
}
