using Swiotlb.Trace.Cli.Output.Tables;
using Swiotlb.Trace.Diff.Findings;
using Swiotlb.Trace.Diff.Replaying;

namespace Swiotlb.Trace.Cli.Output;

/// <summary>The human-readable <c>replay</c> report: what was replayed, a table per device and model, the findings, the verdict.</summary>
public static class ReplayTextWriter
{
    private const int FindingsShown = 5;

    public static void Write(CaptureReplay replay, IReadOnlySet<FindingKind> failOn, ExitCode exit, TextWriter output)
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
        foreach (var group in summary.CommandFindings.GroupBy(f => f.Model))
        {
            output.WriteLine($"NVMe commands whose PRPs break under {group.Key}: {summary.Count(group.Key, FindingKind.Prp)}");
            foreach (var finding in group.Take(FindingsShown))
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
        foreach (var group in summary.MappingFindings.GroupBy(f => (f.Model, f.Kind)))
        {
            output.WriteLine($"{group.Key.Kind} under {group.Key.Model}: {summary.Count(group.Key.Model, group.Key.Kind)}");
            foreach (var finding in group.Take(FindingsShown))
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
