using Swiotlb.Trace.Diff.Findings;
using Swiotlb.Trace.Diff.Findings.Rules;
using Swiotlb.Trace.Diff.Nvme;

namespace Swiotlb.Trace.Cli.Output;

/// <summary>The closing verdict of a replay: findings or clean, and the count of each kind over the replayed models.</summary>
public static class ReplayVerdict
{
    public static string Headline(ExitCode exit) => exit == ExitCode.Findings ? "FINDINGS" : "clean";

    /// <summary>The line every report leads with when the kernel's own bounce addresses broke NVMe commands (real failed
    /// I/O or silent corruption on the traced system, not a prediction); null when they broke none.</summary>
    public static string? ObservedBreakage(ReplaySummary summary)
    {
        var broken = summary.Count(FindingRules.Observed);
        if (broken == 0)
            return null;
        var checkedCommands = summary.Devices.Where(d => d.Model == ModelKey.Observed).Sum(d => d.CommandsChecked);
        return $"OBSERVED BREAKAGE: the kernel's own bounce addresses broke {broken} of {checkedCommands} NVMe commands on the traced system: " +
            $"{summary.Outcomes(ModelKey.Observed, PrpOutcome.DriverRejects)} refused by the driver (I/O error), " +
            $"{summary.Outcomes(ModelKey.Observed, PrpOutcome.MisalignedEntry)} rejected by the controller (Invalid PRP Offset), " +
            $"{summary.Outcomes(ModelKey.Observed, PrpOutcome.WrongBytes)} completed with wrong bytes (silent corruption)";
    }

    public static string Counts(ReplaySummary summary, IReadOnlySet<FindingRule> failOn) =>
        string.Join(", ", FindingRules.All.Select(rule => $"{rule.Name} {summary.Count(rule)}{(failOn.Contains(rule) ? "" : " (not failing)")}"));
}
