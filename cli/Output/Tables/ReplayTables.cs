using System.Globalization;
using Swiotlb.Trace.Diff.Findings;
using Swiotlb.Trace.Diff.Findings.Rules;
using Swiotlb.Trace.Diff.Replaying;

namespace Swiotlb.Trace.Cli.Output.Tables;

/// <summary>The tables of a <c>replay</c> report, built once and drawn by each format.</summary>
public static class ReplayTables
{
    /// <summary>What the device table's short headers mean.</summary>
    public const string DeviceLegend =
        "w/offset: mappings with an in-page offset; lost: of those, bounced without it; mask↯: the device's min_align_mask broken; " +
        "cmds/broken: NVMe commands checked / whose PRPs break; observed: the kernel's own addresses from the capture";

    /// <param name="label">How a device is named (default: its PCI address as the capture gives it).</param>
    public static ReportTable Devices(ReplaySummary summary, Func<string, string>? label = null) => new(
        [new("device", Numeric: false), new("model", Numeric: false), new("mappings"), new("w/offset"), new("lost"), new("mask↯"),
         new("cmds"), new("broken"), new("failed"), new("hangs"), new("bytes hit")],
        [.. summary.Devices.Select(d => Cells(label is null ? d.Device : label(d.Device), d.Model, d.Mappings, d.WithPageOffset, d.OffsetsLost, d.Findings(FindingRules.Truncation),
            d.CommandsChecked, d.CommandsBroken, d.Findings(FindingRules.Failure), d.Findings(FindingRules.Hang), d.BytesAffected))]);

    public static ReportTable Pool(CaptureReplay replay) => new(
        [new("model", Numeric: false), new("peak slots"), new("of"), new("failures"), new("endless"), new("hazards")],
        [.. replay.ModelRuns.Select(pair => Cells(pair.Run.Name, pair.Run.Occupancy.Extreme,
            pair.Model.Pool.Geometry.SlotCount, pair.Run.Failures, pair.Run.EndlessSearches, pair.Run.Hazards))]);

    /// <summary>The first <paramref name="perGroup"/> findings of each model × kind, commands first.</summary>
    public static ReportTable Findings(ReplaySummary summary, int perGroup) => new(
        [new("model", Numeric: false), new("check", Numeric: false), new("device", Numeric: false), new("finding", Numeric: false)],
        [.. summary.CommandFindings.GroupBy(f => f.Model).SelectMany(g => g.Take(perGroup))
                .Select(f => Cells(f.Model, f.Rule.Name, f.Device, FindingLines.Command(f)))
            .Concat(summary.MappingFindings.GroupBy(f => (f.Model, f.Rule)).SelectMany(g => g.Take(perGroup))
                .Select(f => Cells(f.Model, f.Rule.Name, f.Device, FindingLines.Mapping(f))))]);

    private static IReadOnlyList<string> Cells(params object[] values) =>
        [.. values.Select(v => Convert.ToString(v, CultureInfo.InvariantCulture) ?? "")];
}
