using Swiotlb.Trace.Cli.Output.Tables;
using Swiotlb.Trace.Diff.Findings;
using Swiotlb.Trace.Diff.Findings.Rules;
using Swiotlb.Trace.Diff.Replaying;

namespace Swiotlb.Trace.Cli.Output;

/// <summary>
/// The <c>replay</c> report in GitHub-flavoured Markdown, for pull-request comments and CI job summaries: the verdict
/// first, the facts, the device and pool tables, the first few findings of each kind, the warnings.
/// </summary>
public static class ReplayMarkdownWriter
{
    private const int FindingsShown = 3;

    public static void Write(CaptureReplay replay, IReadOnlySet<FindingRule> failOn, ExitCode exit, TextWriter output)
    {
        output.WriteLine($"## swiotrace replay: {Markdown.Code(Path.GetFileName(replay.Metadata.File))}");
        output.WriteLine();
        if (ReplayVerdict.ObservedBreakage(replay.Summary) is { } observed)
            output.WriteLine($"> **{Markdown.Escape(observed)}**\n");
        output.WriteLine($"**Verdict: {ReplayVerdict.Headline(exit)}** (exit {(int)exit}): {Markdown.Escape(ReplayVerdict.Counts(replay.Summary, failOn))}");
        output.WriteLine();
        foreach (var fact in ReplayFacts.Of(replay))
            output.WriteLine($"- **{fact.Label}**: {Markdown.Escape(fact.Value)}");
        output.WriteLine();
        output.WriteLine("### Devices under each model");
        output.WriteLine();
        MarkdownTableWriter.Write(ReplayTables.Devices(replay.Summary), output);
        output.WriteLine($"<sub>{Markdown.Escape(ReplayTables.DeviceLegend)}</sub>");
        output.WriteLine();
        output.WriteLine("### Pool");
        output.WriteLine();
        MarkdownTableWriter.Write(ReplayTables.Pool(replay), output);
        WriteFindings(replay.Summary, output);
        WriteWarnings(replay, output);
    }

    private static void WriteFindings(ReplaySummary summary, TextWriter output)
    {
        output.WriteLine("### Findings");
        output.WriteLine();
        var groups = (from model in summary.Models
                      from rule in FindingRules.All
                      let count = summary.Count(model, rule)
                      where count > 0
                      select $"{model} {rule.Name}: {count}").ToList();
        if (groups.Count == 0)
        {
            output.WriteLine("None under any model.");
            output.WriteLine();
            return;
        }
        output.WriteLine($"Totals: {Markdown.Escape(string.Join("; ", groups))}. The first {FindingsShown} of each model and check:");
        output.WriteLine();
        MarkdownTableWriter.Write(ReplayTables.Findings(summary, FindingsShown), output);
    }

    private static void WriteWarnings(CaptureReplay replay, TextWriter output)
    {
        var warnings = ReplayFacts.Warnings(replay).ToList();
        if (warnings.Count == 0)
            return;
        output.WriteLine("### Warnings");
        output.WriteLine();
        foreach (var warning in warnings)
            output.WriteLine($"- {Markdown.Escape(warning)}");
        output.WriteLine();
    }
}
