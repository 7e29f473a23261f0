using Swiotlb.Trace.Cli.Commands;
using Swiotlb.Trace.Diff.Findings;

namespace Swiotlb.Trace.Cli.Output;

/// <summary>
/// One check of one device under one replayed model, as CI sees it: the finding kind, how many were found, the first
/// offending mappings or commands (one line each), and whether <c>--fail-on</c> makes it fail.
/// </summary>
public sealed record DeviceCheck(string Device, string Model, FindingKind Kind, long Count, IReadOnlyList<string> FirstOffenders, bool Selected)
{
    public string Name => FailOn.FailOnName(Kind);
    public bool Fails => Selected && Count > 0;

    /// <summary>What was found, e.g. "54 NVMe commands whose PRPs break".</summary>
    public string Describe() => Kind switch
    {
        FindingKind.Truncation => $"{Count} mappings whose bounce address breaks the device's min_align_mask",
        FindingKind.Prp => $"{Count} NVMe commands whose PRPs break",
        FindingKind.Failure => $"{Count} mappings the model fails to map",
        _ => $"{Count} mappings whose slot search never ends",
    };
}

/// <summary>Every device × replayed model × finding kind of a summary (the kernel's observed addresses are not a model and are left out).</summary>
public static class DeviceChecks
{
    public static IEnumerable<DeviceCheck> Of(ReplaySummary summary, IReadOnlySet<FindingKind> failOn) =>
        from row in summary.Devices
        where row.Model != ReplaySummary.Observed
        from kind in Enum.GetValues<FindingKind>()
        select new DeviceCheck(row.Device, row.Model, kind, Count(row, kind), FirstOffenders(summary, row, kind), failOn.Contains(kind));

    private static long Count(DeviceModelSummary row, FindingKind kind) => kind switch
    {
        FindingKind.Truncation => row.MaskViolations,
        FindingKind.Prp => row.CommandsBroken,
        FindingKind.Failure => row.Failures,
        _ => row.EndlessSearches,
    };

    private static IReadOnlyList<string> FirstOffenders(ReplaySummary summary, DeviceModelSummary row, FindingKind kind) => kind == FindingKind.Prp
        ? [.. summary.CommandFindings.Where(f => f.Device == row.Device && f.Model == row.Model).Select(FindingLines.Command)]
        : [.. summary.MappingFindings.Where(f => f.Device == row.Device && f.Model == row.Model && f.Kind == kind).Select(FindingLines.Mapping)];
}
