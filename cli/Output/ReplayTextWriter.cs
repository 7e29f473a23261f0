using Swiotlb.Trace.Capture;
using Swiotlb.Trace.Cli.Output.Tables;
using Swiotlb.Trace.Diff.Findings;
using Swiotlb.Trace.Diff.Findings.Rules;
using Swiotlb.Trace.Diff.Replaying;

namespace Swiotlb.Trace.Cli.Output;

/// <summary>The human-readable <c>replay</c> report. By default one screen: the verdict, what was replayed, the device ×
/// model table, and the first findings of each kind and model in time order, each on one line of at most the terminal's
/// width. With <c>--verbose</c>: every fact, both tables, each finding with its segments and PRP entries, the offset
/// breakdowns and every warning.</summary>
public static class ReplayTextWriter
{
    private const int FindingsShown = 5;

    /// <summary>Findings the one-screen report shows of each model and kind.</summary>
    private const int FirstFindingsPerKind = 2;

    public static void Write(CaptureReplay replay, IReadOnlySet<FindingRule> failOn, ExitCode exit, TextWriter output, TerminalStyle style, bool verbose)
    {
        if (verbose)
            WriteVerbose(replay, failOn, exit, output);
        else
            WriteOneScreen(replay, failOn, exit, output, style);
    }

    private static void WriteOneScreen(CaptureReplay replay, IReadOnlySet<FindingRule> failOn, ExitCode exit, TextWriter output, TerminalStyle style)
    {
        if (ReplayVerdict.ObservedBreakage(replay.Summary) is { } observed)
            output.WriteLine(style.Bad(style.Fit(observed)));
        var headline = ReplayVerdict.Headline(exit);
        output.WriteLine($"{(exit == ExitCode.Findings ? style.Bad(headline) : style.Good(headline))}: {ReplayVerdict.Counts(replay.Summary, failOn)}");
        // The capture's path is never cut (a reader copies it), so it has a line of its own.
        output.WriteLine($"capture:  {replay.Metadata.File}");
        output.WriteLine(style.Fit($"read:     {replay.Metadata.Format.Describe()}, kernel {replay.Metadata.KernelRelease ?? "not stated"}, {replay.Reading.EventsRead} events"));
        foreach (var fact in ReplayFacts.Of(replay).Where(f => f.Label is "mappings" or "assumed" or "model" or "weakened"))
            output.WriteLine(style.Fit($"{fact.Label + ":",-9} {(fact.Label == "model" ? fact.Value[..fact.Value.IndexOf("; pool ", StringComparison.Ordinal)] : fact.Value)}"));
        output.WriteLine();
        TextTableWriter.Write(ReplayTables.Devices(replay.Summary), output);
        var first = FirstFindings(replay.Summary).ToList();
        if (first.Count > 0)
        {
            output.WriteLine();
            output.WriteLine(style.Heading("first findings of each kind and model, in time order:"));
            foreach (var (_, line) in first)
                output.WriteLine(style.Fit($"  {line}"));
        }
        var warnings = ReplayFacts.Warnings(replay).ToList();
        if (warnings.Count > 0)
        {
            output.WriteLine();
            foreach (var warning in warnings.Take(2))
                output.WriteLine(style.Fit($"warning: {warning}"));
            if (warnings.Count > 2)
                output.WriteLine($"… {warnings.Count - 2} more warning(s)");
        }
        output.WriteLine(style.Quiet("(--verbose: every fact, finding, PRP entry and offset breakdown)"));
    }

    /// <summary>The first findings of each model and kind, as one list in time order.</summary>
    private static IEnumerable<(long TimeNs, string Line)> FirstFindings(ReplaySummary summary) =>
        summary.CommandFindings.GroupBy(f => f.Model)
            .SelectMany(g => g.OrderBy(f => f.TimeNs).Take(FirstFindingsPerKind).Select(f => (f.TimeNs, $"{f.Model,-10} {f.Rule.Name,-10} {FindingLines.Command(f)}")))
            .Concat(summary.MappingFindings.GroupBy(f => (f.Model, f.Rule))
                .SelectMany(g => g.OrderBy(f => f.TimeNs).Take(FirstFindingsPerKind)
                    .Select(f => (f.TimeNs, $"{f.Model,-10} {f.Rule.Name,-10} {FindingLines.Mapping(f)}"))))
            .OrderBy(f => f.TimeNs);

    private static void WriteVerbose(CaptureReplay replay, IReadOnlySet<FindingRule> failOn, ExitCode exit, TextWriter output)
    {
        if (ReplayVerdict.ObservedBreakage(replay.Summary) is { } observed)
            output.WriteLine(observed);
        foreach (var fact in ReplayFacts.Of(replay))
            output.WriteLine($"{fact.Label + ":",-9} {fact.Value}");
        output.WriteLine();
        WriteDeviceTable(replay.Summary, output);
        TextTableWriter.Write(ReplayTables.Pool(replay), output);
        output.WriteLine();
        WriteCommandFindings(replay.Summary, output);
        WriteMappingFindings(replay.Summary, output);
        WriteOffsetBreakdown(replay.Summary, output);
        foreach (var warning in replay.Warnings)
            output.WriteLine($"warning: {warning}");
        output.WriteLine($"verdict: {ReplayVerdict.Headline(exit)}: {ReplayVerdict.Counts(replay.Summary, failOn)}");
    }

    private static void WriteDeviceTable(ReplaySummary summary, TextWriter output)
    {
        TextTableWriter.Write(ReplayTables.Devices(summary), output);
        output.WriteLine($"({ReplayTables.DeviceLegend})");
        if (summary.CommandsUnchecked > 0 || summary.CommandsUsingSgl > 0)
            output.WriteLine($" {summary.CommandsUnchecked} commands could not be checked whole (segments missing), {summary.CommandsUsingSgl} use SGLs (offsets do not matter)");
        output.WriteLine();
    }

    private static void WriteCommandFindings(ReplaySummary summary, TextWriter output)
    {
        foreach (var group in summary.CommandFindings.GroupBy(f => (f.Model, f.Rule)))
        {
            output.WriteLine($"{group.Key.Rule.Heading} under {group.Key.Model}: {summary.Count(group.Key.Model, group.Key.Rule)}");
            foreach (var finding in group.OrderBy(f => f.TimeNs).Take(FindingsShown))
            {
                output.WriteLine($"  {FindingLines.Command(finding)}");
                foreach (var segment in finding.Segments)
                    output.WriteLine($"      segment {Figures.Hex(segment.Original)} +0x{segment.Size:x} -> {Figures.Hex(segment.Bounce)}");
                output.WriteLine($"      PRP entries: {string.Join(" ", finding.Verdict.Entries.Select(Figures.Hex))}");
            }
            output.WriteLine();
        }
    }

    private static void WriteMappingFindings(ReplaySummary summary, TextWriter output)
    {
        foreach (var group in summary.MappingFindings.GroupBy(f => (f.Model, f.Rule)))
        {
            output.WriteLine($"{group.Key.Rule.Heading} under {group.Key.Model}: {summary.Count(group.Key.Model, group.Key.Rule)}");
            foreach (var finding in group.OrderBy(f => f.TimeNs).Take(FindingsShown))
                output.WriteLine($"  {FindingLines.Mapping(finding)}");
            output.WriteLine();
        }
    }

    private static void WriteOffsetBreakdown(ReplaySummary summary, TextWriter output)
    {
        output.WriteLine("in-page offsets lost/with offset, by buffer offset:");
        foreach (var d in summary.Devices.Where(d => d.WithPageOffset > 0))
            output.WriteLine($"  {d.Device,-14} {d.Model,-11} " + string.Join("  ", d.ByBufferOffset.Buckets.Select(b => $"{b.Key}:{b.Value.Lost}/{b.Value.Kept + b.Value.Lost}")));
        output.WriteLine("in-page offsets lost/with offset, by mapping size (up to):");
        foreach (var d in summary.Devices.Where(d => d.WithPageOffset > 0))
            output.WriteLine($"  {d.Device,-14} {d.Model,-11} " + string.Join("  ", d.BySizeClass.Buckets.Select(b => $"{Sizes.Short(b.Key)}:{b.Value.Lost}/{b.Value.Kept + b.Value.Lost}")));
        output.WriteLine();
    }
}
