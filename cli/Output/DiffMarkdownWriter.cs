using Swiotlb.Trace.Diff.Comparison;
using Swiotlb.Trace.Diff.Findings;
using Swiotlb.Trace.Diff.Findings.Rules;

namespace Swiotlb.Trace.Cli.Output;

/// <summary>The <c>diff</c> report as Markdown, for a pull request comment or a CI summary: the verdict first, then one table per direction.</summary>
public static class DiffMarkdownWriter
{
    private const int ExamplesShown = 3;

    public static void Write(DiffReport report, IReadOnlySet<FindingRule> failOn, ExitCode exit, TextWriter output)
    {
        output.WriteLine("# swiotrace diff");
        output.WriteLine();
        output.WriteLine($"**Verdict:** {Escape(DiffWording.Verdict(report, failOn, exit))}");
        output.WriteLine();
        output.WriteLine($"- **baseline:** {Escape(DiffWording.Side(report.Baseline))}");
        output.WriteLine($"- **candidate:** {Escape(DiffWording.Side(report.Candidate))}");
        foreach (var line in report.Pairing)
            output.WriteLine($"- {Escape(line)}");
        output.WriteLine();
        foreach (var direction in Enum.GetValues<ChangeDirection>())
            WriteSection(report, direction, output);
    }

    private static void WriteSection(DiffReport report, ChangeDirection direction, TextWriter output)
    {
        var figures = report.Changes.Where(c => c.Direction == direction).ToList();
        var transitions = report.Transitions?.Counts.Where(c => c.Kind.Direction == direction).ToList() ?? [];
        output.WriteLine($"## {DiffWording.Heading(direction)}");
        output.WriteLine();
        if (figures.Count + transitions.Count == 0)
        {
            output.WriteLine("None.");
            output.WriteLine();
            return;
        }
        output.WriteLine("| device | what | baseline | candidate |");
        output.WriteLine("|---|---|---:|---:|");
        foreach (var change in figures)
            output.WriteLine($"| `{change.Device}` | {Escape(DiffWording.Figure(change))} | {DiffWording.Value(change, change.Baseline)} | {DiffWording.Value(change, change.Candidate)} |");
        foreach (var count in transitions)
            output.WriteLine($"| `{count.Device}` | {Escape(count.Kind.Wording)} | | {count.Tally.Count} of {count.Tally.OutOf} {count.Kind.Units} |");
        output.WriteLine();
        if (direction == ChangeDirection.Neutral || report.Transitions is null)
            return;
        foreach (var count in transitions)
        {
            var examples = report.Transitions.MappingsOf(count).Select(DiffWording.Mapping)
                .Concat(report.Transitions.CommandsOf(count).Select(DiffWording.Command))
                .Take(ExamplesShown);
            foreach (var example in examples)
                output.WriteLine($"- {Escape(count.Kind.Wording)}: `{example}`");
        }
        output.WriteLine();
    }

    private static string Escape(string text) => text.Replace("|", "\\|", StringComparison.Ordinal);
}
