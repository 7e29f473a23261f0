using System.Text.Json;
using Swiotlb.Trace.Tests.Support;

namespace Swiotlb.Trace.Tests.Export;

/// <summary><c>matches_observed</c> is <c>validate</c>'s verdict: for every sample with the kernel's answers, the mapping
/// rows of each model say true exactly as often as <c>validate --model</c> counts exact matches, and false as often as
/// it counts mismatches.</summary>
public sealed class MatchesObservedTests
{
    public static TheoryData<string> Folders() => [.. Samples.FoldersWith("trace.txt").Where(f => !f.StartsWith("hang", StringComparison.Ordinal))];

    [Theory]
    [MemberData(nameof(Folders))]
    public void Each_models_true_and_false_counts_are_validates_matches_and_mismatches(string folder)
    {
        var capture = Samples.Capture($"{folder}/trace.txt");
        using var export = new ExportRun(capture, "--format", "csv");
        Assert.Equal(0, export.Result.ExitCode);
        var file = DuckDb.Quote(export.File("mappings.csv"));

        foreach (var model in DuckDb.Rows($"select distinct model from read_csv({file}, header = true)").Select(r => (string)r[0]!))
        {
            var validation = JsonDocument.Parse(CliRun.Run("validate", capture, "--model", model, "--format", "json").Output).RootElement.GetProperty("replay");
            var counts = DuckDb.Rows($"select count(*) filter (where matches_observed), count(*) filter (where not matches_observed) " +
                                     $"from read_csv({file}, header = true) where model = '{model}'").Single();
            Assert.Equal(validation.GetProperty("exactMatches").GetInt64(), Convert.ToInt64(counts[0]));
            Assert.Equal(validation.GetProperty("mismatches").GetInt64(), Convert.ToInt64(counts[1]));
        }
    }
}
