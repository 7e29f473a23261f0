using Swiotlb.Trace.Diff.Findings;
using Swiotlb.Trace.Diff.Findings.Rules;
using Swiotlb.Trace.Tests.Replaying;
using Swiotlb.Trace.Tests.Support;

namespace Swiotlb.Trace.Tests.Reports;

/// <summary>The Markdown report on real captures: verdict, device rows equal to the summary, findings only where the models break things.</summary>
public class MarkdownReportTests
{
    [Fact]
    public void Fio_mixed_lists_broken_commands_under_linux_5_10_only()
    {
        var summary = ReplayRuns.Of("fio-mixed-6.1.0/trace.txt").Summary;
        var (code, markdown, _) = CliRun.Run("replay", Samples.Capture("fio-mixed-6.1.0/trace.txt"), "--format", "markdown");

        Assert.Equal(1, code);
        Assert.Contains($"**Verdict: FINDINGS** (exit 1): truncation {summary.Count(FindingRules.Truncation)}, prp {summary.Count(FindingRules.Prp)},", markdown);
        foreach (var row in summary.Devices)
            Assert.Contains($"| {row.Device} | {row.Model} | {row.Mappings} | {row.WithPageOffset} | {row.OffsetsLost} | {row.Findings(FindingRules.Truncation)} | " +
                            $"{row.CommandsChecked} | {row.CommandsBroken} |", markdown);
        var prpRows = Lines(markdown).Where(l => l.StartsWith("| linux-", StringComparison.Ordinal) && l.Contains(" | prp | ")).ToList();
        Assert.Equal(3, prpRows.Count);
        Assert.All(prpRows, row => Assert.StartsWith("| linux-5.10 | prp | 0000:00:04.0 | ", row));
        Assert.Contains($"qid {summary.CommandFindings[0].QueueId} cid {summary.CommandFindings[0].CommandId} ", prpRows[0]);
        Assert.Contains("Invalid SGL for payload", prpRows[0]);
        Assert.Contains("- 2 unmap probes were lost and recovered from later events", markdown);
    }

    [Fact]
    public void Offsets_shows_truncation_for_nvme_under_linux_5_10_and_a_table_github_can_render()
    {
        var (code, markdown, _) = CliRun.Run("replay", Samples.Capture("offsets-6.1.0/trace.txt"), "--format", "markdown", "--fail-on", "truncation");

        Assert.Equal(1, code);
        Assert.Contains("failure 0 (not failing), hang 0 (not failing)", markdown);
        var truncations = Lines(markdown).Where(l => l.Contains(" | truncation | ")).ToList();
        Assert.NotEmpty(truncations);
        Assert.All(truncations, row => Assert.StartsWith("| linux-5.10 | truncation | 0000:00:04.0 | ", row));
        // Every table row has as many cells as its header: no unescaped '|' inside a cell.
        foreach (var table in Tables(markdown))
            Assert.All(table, row => Assert.Equal(Cells(table[0]), Cells(row)));
    }

    private static IEnumerable<string> Lines(string text) => text.Split('\n').Select(l => l.TrimEnd('\r'));

    private static int Cells(string row) => row.Replace("\\|", "", StringComparison.Ordinal).Count(c => c == '|') - 1;

    private static IEnumerable<List<string>> Tables(string markdown)
    {
        var table = new List<string>();
        foreach (var line in Lines(markdown).Append(""))
        {
            if (line.StartsWith('|'))
                table.Add(line);
            else if (table.Count > 0)
            {
                yield return table;
                table = [];
            }
        }
    }
}
