using Swiotlb.Trace.Diff.Findings;
using Swiotlb.Trace.Diff.Findings.Rules;

namespace Swiotlb.Trace.Cli.Output;

/// <summary>
/// One check of one device under one replayed model, as CI sees it: the finding rule, how many were found, the first
/// offending mappings or commands (one line each), and whether <c>--fail-on</c> makes it fail.
/// </summary>
public sealed record DeviceCheck(string Device, ModelKey Model, FindingRule Rule, long Count, IReadOnlyList<string> FirstOffenders, bool Selected)
{
    public string Name => Rule.Name;
    public bool Fails => Selected && Count > 0;

    /// <summary>What was found, e.g. "54 NVMe commands whose PRPs break".</summary>
    public string Describe() => Rule.Describe(Count);
}

/// <summary>Every device × model × rule of the catalogue that checks that row: the predictions under each replayed
/// model, and under the kernel's own addresses what they really broke.</summary>
public static class DeviceChecks
{
    public static IEnumerable<DeviceCheck> Of(ReplaySummary summary, IReadOnlySet<FindingRule> failOn) =>
        from row in summary.Devices
        from rule in FindingRules.All
        where rule.Checks(row)
        select new DeviceCheck(row.Device, row.Model, rule, row.Findings(rule), FirstOffenders(summary, row, rule), failOn.Contains(rule));

    private static IReadOnlyList<string> FirstOffenders(ReplaySummary summary, DeviceModelSummary row, FindingRule rule) => rule.Subject == FindingSubject.Command
        ? [.. summary.CommandFindings.Where(f => f.Device == row.Device && f.Model == row.Model && f.Rule == rule).Select(FindingLines.Command)]
        : [.. summary.MappingFindings.Where(f => f.Device == row.Device && f.Model == row.Model && f.Rule == rule).Select(FindingLines.Mapping)];
}
