using System.Globalization;
using Swiotlb.Trace.Diff.Comparison;
using Swiotlb.Trace.Diff.Findings.Rules;

namespace Swiotlb.Trace.Cli.Output;

/// <summary>The words every <c>diff</c> report format uses for sides, figures, transitions and the verdict.</summary>
public static class DiffWording
{
    public static string Heading(ChangeDirection direction) => direction switch
    {
        ChangeDirection.Regression => "Regressions",
        ChangeDirection.Fix => "Fixes",
        _ => "Other changes",
    };

    /// <summary>The side in one line: capture, kernel, the model that stands for it, where its addresses come from.</summary>
    public static string Side(DiffSide side) =>
        $"{side.Replay.Metadata.File} (kernel {side.Replay.Metadata.KernelRelease ?? "not stated"}): {side.Model} ({side.Why}); " +
        (side.AddressesObserved ? "addresses: the kernel's own, from the capture" : $"addresses: {side.Model}'s");

    public static string Figure(MetricChange change) => change.Bucket is not { } bucket
        ? change.Metric.Label
        : $"{change.Metric.Label} {(change.Metric == Metric.OffsetsLostBySizeClass ? Sizes.Short(bucket) : bucket.ToString(CultureInfo.InvariantCulture))}";

    /// <summary>A figure's value: the count alone where the total is the same on both sides or meaningless.</summary>
    public static string Value(MetricChange change, Tally tally) => change.Metric == Metric.Mappings ? $"{tally.Count}" : tally.ToString();

    public static string Address(ulong? address) => address is { } a ? Figures.Hex(a) : "none";

    public static string Mapping(MappingTransition t) =>
        $"{Figures.Seconds(t.TimeNs)} cpu {t.Cpu} {t.Device} {Figures.Hex(t.Original)} +0x{t.Size:x}: " +
        $"{Address(t.BaselineBounce)} → {Address(t.CandidateBounce)}{(t.ObservedBounce is { } o ? $" (kernel: {Figures.Hex(o)})" : "")}";

    public static string Command(CommandTransition t) =>
        $"{Figures.Seconds(t.TimeNs)} {t.Disk} qid {t.QueueId} cid {t.CommandId} {t.Operation}, {t.Segments.Count} segments: " +
        $"PRPs {t.Baseline.Outcome} → {t.Candidate.Outcome}; {t.Effect}";

    /// <summary>Per <c>--fail-on</c> kind: what regressed, and whether it fails the run.</summary>
    public static string Verdict(DiffReport report, IReadOnlySet<FindingRule> failOn, ExitCode exit) =>
        $"{(exit == ExitCode.Findings ? "REGRESSIONS" : "no regressions")}: " + string.Join(", ", FindingRules.All.Select(rule =>
            $"{rule.Name} {Regressions(report, rule)}{(failOn.Contains(rule) ? "" : " (not failing)")}"));

    private static string Regressions(DiffReport report, FindingRule kind)
    {
        var figures = report.RegressedFigures(kind);
        var items = report.Transitions?.Regressions(kind);
        if (figures == 0 && items is null or 0)
            return "0";
        return items is { } count
            ? $"{Plural(figures, "figure")}, {count} {kind.Units}"
            : Plural(figures, "figure");
    }

    private static string Plural(long count, string noun) => $"{count} {noun}{(count == 1 ? "" : "s")}";
}
