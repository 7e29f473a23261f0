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
        FindingKind.Hang => $"{Count} mappings whose slot search never ends",
        FindingKind.Observed => $"{Count} NVMe commands the kernel's own bounce addresses broke on the traced system",
        _ => throw new ArgumentOutOfRangeException(nameof(Kind), Kind, "a finding kind without a description"),
    };
}

/// <summary>Every device × replayed model × predicted finding kind of a summary, and per device under the kernel's own
/// addresses the one observed kind: the commands they really broke.</summary>
public static class DeviceChecks
{
    public static IEnumerable<DeviceCheck> Of(ReplaySummary summary, IReadOnlySet<FindingKind> failOn) =>
        from row in summary.Devices
        from kind in KindsOf(row)
        select new DeviceCheck(row.Device, row.Model, kind, Count(row, kind), FirstOffenders(summary, row, kind), failOn.Contains(kind));

    private static IEnumerable<FindingKind> KindsOf(DeviceModelSummary row) => row.Model == ReplaySummary.Observed
        ? row.CommandsChecked > 0 ? [FindingKind.Observed] : []
        : Enum.GetValues<FindingKind>().Where(kind => kind != FindingKind.Observed);

    private static long Count(DeviceModelSummary row, FindingKind kind) => kind switch
    {
        FindingKind.Truncation => row.MaskViolations,
        FindingKind.Prp or FindingKind.Observed => row.CommandsBroken,
        FindingKind.Failure => row.Failures,
        FindingKind.Hang => row.EndlessSearches,
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "a finding kind without a count"),
    };

    private static IReadOnlyList<string> FirstOffenders(ReplaySummary summary, DeviceModelSummary row, FindingKind kind) => kind is FindingKind.Prp or FindingKind.Observed
        ? [.. summary.CommandFindings.Where(f => f.Device == row.Device && f.Model == row.Model).Select(FindingLines.Command)]
        : [.. summary.MappingFindings.Where(f => f.Device == row.Device && f.Model == row.Model && f.Kind == kind).Select(FindingLines.Mapping)];
}
