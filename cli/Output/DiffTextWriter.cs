using Swiotlb.Trace.Diff.Comparison;
using Swiotlb.Trace.Diff.Findings;
using Swiotlb.Trace.Diff.Findings.Rules;

namespace Swiotlb.Trace.Cli.Output;

/// <summary>The human-readable <c>diff</c> report: the two sides and how they were paired, then regressions, fixes, other changes, the verdict.</summary>
public static class DiffTextWriter
{
    private const int ExamplesShown = 5;

    public static void Write(DiffReport report, IReadOnlySet<FindingRule> failOn, ExitCode exit, TextWriter output)
    {
        output.WriteLine($"baseline:  {DiffWording.Side(report.Baseline)}");
        output.WriteLine($"candidate: {DiffWording.Side(report.Candidate)}");
        foreach (var line in report.Pairing)
            output.WriteLine($"pairing:   {line}");
        foreach (var (name, side) in new[] { ("baseline", report.Baseline), ("candidate", report.Candidate) })
            StatisticsOutput.WriteText($"stats:     {name}: ", side.Replay.Reading.Values().Concat(side.Replay.Pairing.Values()), output);
        output.WriteLine();
        foreach (var direction in Enum.GetValues<ChangeDirection>())
            WriteSection(report, direction, output);
        output.WriteLine($"verdict: {DiffWording.Verdict(report, failOn, exit)}");
    }

    private static void WriteSection(DiffReport report, ChangeDirection direction, TextWriter output)
    {
        var figures = report.Changes.Where(c => c.Direction == direction).ToList();
        var transitions = report.Transitions?.Counts.Where(c => c.Kind.Direction == direction).ToList() ?? [];
        output.WriteLine($"{DiffWording.Heading(direction)}:{(figures.Count + transitions.Count == 0 ? " none" : "")}");
        if (figures.Count > 0)
        {
            output.WriteLine($"  {"device",-14} {"figure",-45} {"baseline",12} {"candidate",12}");
            foreach (var change in figures)
                output.WriteLine($"  {change.Device,-14} {DiffWording.Figure(change),-45} {DiffWording.Value(change, change.Baseline),12} {DiffWording.Value(change, change.Candidate),12}");
        }
        foreach (var count in transitions)
        {
            output.WriteLine($"  {count.Device,-14} {count.Kind.Wording}: {count.Tally.Count} of {count.Tally.OutOf} {count.Kind.Units}");
            if (direction != ChangeDirection.Neutral)
                WriteExamples(report.Transitions!, count, output);
        }
        output.WriteLine();
    }

    private static void WriteExamples(ModelTransitions transitions, TransitionCount count, TextWriter output)
    {
        foreach (var mapping in transitions.MappingsOf(count).Take(ExamplesShown))
            output.WriteLine($"      {DiffWording.Mapping(mapping)}");
        foreach (var command in transitions.CommandsOf(count).Take(ExamplesShown))
        {
            output.WriteLine($"      {DiffWording.Command(command)}");
            foreach (var segment in command.Segments)
                output.WriteLine($"          segment {Figures.Hex(segment.Original)} +0x{segment.Size:x}: {Figures.Hex(segment.BaselineBounce)} → {Figures.Hex(segment.CandidateBounce)}");
        }
    }
}
