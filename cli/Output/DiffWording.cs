using Swiotlb.Trace.Cli.Commands;
using Swiotlb.Trace.Diff.Comparison;
using Swiotlb.Trace.Diff.Findings;

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

    public static string Figure(MetricChange change) => change.Metric switch
    {
        Metric.Mappings => "mappings",
        Metric.OffsetsLostByBufferOffset => $"offsets lost, buffer offset {change.Bucket}",
        Metric.OffsetsLostBySizeClass => $"offsets lost, size up to {Sizes.Short(change.Bucket ?? 0)}",
        Metric.MaskViolations => "min_align_mask broken, of mappings",
        Metric.CommandsBroken => "NVMe commands with broken PRPs, of checked",
        Metric.Failures => "mappings failed",
        Metric.EndlessSearches => "endless searches (hang)",
        _ => "peak pool slots in use, of the pool",
    };

    /// <summary>A figure's value: the count alone where the total is the same on both sides or meaningless.</summary>
    public static string Value(MetricChange change, Tally tally) => change.Metric == Metric.Mappings ? $"{tally.Count}" : tally.ToString();

    public static string Transition(TransitionKind kind) => kind switch
    {
        TransitionKind.OffsetLost => "in-page offset kept → lost",
        TransitionKind.OffsetKept => "in-page offset lost → kept",
        TransitionKind.MaskBroken => "min_align_mask respected → broken",
        TransitionKind.MaskRespected => "min_align_mask broken → respected",
        TransitionKind.PrpBroken => "PRPs valid → broken",
        TransitionKind.PrpRepaired => "PRPs broken → valid",
        TransitionKind.FailureAppeared => "mapped → failed",
        TransitionKind.FailureGone => "failed → mapped",
        TransitionKind.EndlessSearchAppeared => "mapped → endless search (hang)",
        TransitionKind.EndlessSearchGone => "endless search → mapped",
        _ => "bounce address differs, same verdicts",
    };

    public static string Units(TransitionKind kind) => kind.IsCommand() ? "commands" : "mappings";

    public static string Address(ulong? address) => address is { } a ? Figures.Hex(a) : "none";

    public static string Mapping(MappingTransition t) =>
        $"{Figures.Seconds(t.TimeNs)} cpu {t.Cpu} {t.Device} {Figures.Hex(t.Original)} +0x{t.Size:x}: " +
        $"{Address(t.BaselineBounce)} → {Address(t.CandidateBounce)}{(t.ObservedBounce is { } o ? $" (kernel: {Figures.Hex(o)})" : "")}";

    public static string Command(CommandTransition t) =>
        $"{Figures.Seconds(t.TimeNs)} {t.Disk} qid {t.QueueId} cid {t.CommandId} {t.Operation}, {t.Segments.Count} segments: " +
        $"PRPs {t.Baseline.Outcome} → {t.Candidate.Outcome}; {t.Effect}";

    /// <summary>Per <c>--fail-on</c> kind: what regressed, and whether it fails the run.</summary>
    public static string Verdict(DiffReport report, IReadOnlySet<FindingKind> failOn, ExitCode exit) =>
        $"{(exit == ExitCode.Findings ? "REGRESSIONS" : "no regressions")}: " + string.Join(", ", Enum.GetValues<FindingKind>().Select(kind =>
            $"{FailOn.FailOnName(kind)} {Regressions(report, kind)}{(failOn.Contains(kind) ? "" : " (not failing)")}"));

    private static string Regressions(DiffReport report, FindingKind kind)
    {
        var figures = report.RegressedFigures(kind);
        var items = report.Transitions?.Regressions(kind);
        if (figures == 0 && items is null or 0)
            return "0";
        return items is { } count
            ? $"{Plural(figures, "figure")}, {count} {(kind == FindingKind.Prp ? "commands" : "mappings")}"
            : Plural(figures, "figure");
    }

    private static string Plural(long count, string noun) => $"{count} {noun}{(count == 1 ? "" : "s")}";
}
