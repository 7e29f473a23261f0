using Swiotlb.Trace.Cli.Commands;
using Swiotlb.Trace.Diff.Findings;

namespace Swiotlb.Trace.Cli.Output;

/// <summary>The closing verdict of a replay: findings or clean, and the count of each kind over the replayed models.</summary>
public static class ReplayVerdict
{
    public static string Headline(ExitCode exit) => exit == ExitCode.Findings ? "FINDINGS" : "clean";

    public static string Counts(ReplaySummary summary, IReadOnlySet<FindingKind> failOn) =>
        string.Join(", ", Enum.GetValues<FindingKind>().Select(kind =>
            $"{FailOn.FailOnName(kind)} {summary.Count(kind)}{(failOn.Contains(kind) ? "" : " (not failing)")}"));
}
