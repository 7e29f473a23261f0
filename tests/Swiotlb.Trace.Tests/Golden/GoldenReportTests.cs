using Swiotlb.Trace.Tests.Support;

namespace Swiotlb.Trace.Tests.Golden;

/// <summary>
/// The text reports of every bundled capture, byte for byte: a refactoring of the compare and report stages must leave
/// them as they are, and a change that means to alter one shows the new text in review. After a deliberate change, run
/// the tests with <c>SWIOTRACE_UPDATE_GOLDEN=1</c> to rewrite the files under <c>tests/…/Golden/reports</c>.
/// </summary>
public class GoldenReportTests
{
    private static readonly string Reports = Path.Combine(Samples.Root, "tests", "Swiotlb.Trace.Tests", "Golden", "reports");

    /// <summary>Each report and the verb and options that write it: every text report a verb has.</summary>
    private static readonly Dictionary<string, string[]> Options = new()
    {
        ["inspect"] = ["inspect"],
        ["replay"] = ["replay"],
        ["replay-verbose"] = ["replay", "--verbose"],
        ["validate"] = ["validate"],
        ["pool"] = ["pool", "--no-sweep"],
        ["diff"] = ["diff", "--model", "linux-6.1", "--against", "linux-5.10"],
    };

    public static TheoryData<string, string> Cases()
    {
        var data = new TheoryData<string, string>();
        foreach (var folder in Samples.FoldersWith("trace.txt"))
            foreach (var report in Options.Keys)
                data.Add(folder, report);
        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void The_text_report_is_unchanged(string folder, string report)
    {
        var arguments = Options[report];
        // Relative to the test's working directory, the path is as long in every clone: lines the one-screen report cuts
        // to 120 columns are cut at the same place wherever the repository lies.
        var captures = Path.GetRelativePath(Environment.CurrentDirectory, Samples.Captures);
        var (exit, output, _) = CliRun.Run([.. arguments, Path.Combine(captures, folder, "trace.txt")]);
        var text = $"exit {exit}\n" + output.Replace(captures, "samples/captures", StringComparison.Ordinal);
        var golden = Path.Combine(Reports, $"{folder}.{report}.txt");

        if (Environment.GetEnvironmentVariable("SWIOTRACE_UPDATE_GOLDEN") == "1")
        {
            Directory.CreateDirectory(Reports);
            File.WriteAllText(golden, text);
        }
        Assert.True(File.Exists(golden), $"no golden report {golden}: run the tests once with SWIOTRACE_UPDATE_GOLDEN=1");
        Assert.Equal(File.ReadAllText(golden), text);
    }
}
