using Swiotlb.Trace.Diff.Findings;
using Swiotlb.Trace.Diff.Findings.Rules;

namespace Swiotlb.Trace.Diff.Comparison;

/// <summary>
/// Compares two sides' aggregated results per device (matched by name) and the pool peak. A figure whose share
/// (<c>count / out of</c>) rises is a regression, one that falls a fix; the same share over a different volume, or a
/// figure only one side can show, is a neutral change; figures that are zero on both sides are no change at all.
/// </summary>
public static class AggregateComparer
{
    /// <summary>The device name under which pool-wide figures are reported.</summary>
    public const string WholePool = "*";

    /// <returns>The changes, regressions first, then fixes, then neutral changes; by device and metric within each.</returns>
    public static IReadOnlyList<MetricChange> Compare(DiffSide baseline, DiffSide candidate)
    {
        var changes = new List<MetricChange>();
        foreach (var device in baseline.DeviceNames.Union(candidate.DeviceNames).Order(StringComparer.Ordinal))
            changes.AddRange(CompareDevice(device, baseline, candidate));
        changes.AddRange(Judge(WholePool, Metric.PeakPoolSlots, null, baseline.PeakPoolSlots, candidate.PeakPoolSlots, failsAs: null));
        return [.. changes.OrderBy(c => c.Direction)];
    }

    private static IEnumerable<MetricChange> CompareDevice(string device, DiffSide baseline, DiffSide candidate)
    {
        var before = (Addresses: baseline.AddressRow(device), Model: baseline.ModelRow(device));
        var after = (Addresses: candidate.AddressRow(device), Model: candidate.ModelRow(device));
        return
        [
            .. Judge(device, Metric.Mappings, null, Of(before.Addresses, d => d.Mappings, d => d.Mappings), Of(after.Addresses, d => d.Mappings, d => d.Mappings), null),
            .. Buckets(device, Metric.OffsetsLostByBufferOffset, before.Addresses?.ByBufferOffset, after.Addresses?.ByBufferOffset),
            .. Buckets(device, Metric.OffsetsLostBySizeClass, before.Addresses?.BySizeClass, after.Addresses?.BySizeClass),
            .. FindingRules.Predictions.Where(rule => rule.Figure is not null).SelectMany(rule => Figure(device, rule, rule.Figure!,
                rule.Figure!.Row == FigureRow.Addresses ? (before.Addresses, after.Addresses) : (before.Model, after.Model))),
        ];
    }

    private static IEnumerable<MetricChange> Figure(string device, FindingRule rule, FindingFigure figure, (DeviceModelSummary? Before, DeviceModelSummary? After) rows) =>
        Judge(device, Metric.Of(rule), null, Of(rows.Before, figure.Count, figure.OutOf), Of(rows.After, figure.Count, figure.OutOf), rule);

    private static Tally Of(DeviceModelSummary? row, Func<DeviceModelSummary, long> count, Func<DeviceModelSummary, long> outOf) =>
        row is null ? default : new Tally(count(row), outOf(row));

    private static IEnumerable<MetricChange> Buckets(string device, Metric metric, OffsetHistogram? baseline, OffsetHistogram? candidate)
    {
        var before = baseline?.Buckets ?? new Dictionary<ulong, (long Kept, long Lost)>();
        var after = candidate?.Buckets ?? new Dictionary<ulong, (long Kept, long Lost)>();
        return before.Keys.Union(after.Keys).Order().SelectMany(bucket =>
            Judge(device, metric, bucket, Lost(before, bucket), Lost(after, bucket), FindingRules.Truncation));
    }

    private static Tally Lost(IReadOnlyDictionary<ulong, (long Kept, long Lost)> buckets, ulong bucket) =>
        buckets.TryGetValue(bucket, out var b) ? new Tally(b.Lost, b.Kept + b.Lost) : default;

    private static IEnumerable<MetricChange> Judge(string device, Metric metric, ulong? bucket, Tally baseline, Tally candidate, FindingRule? failsAs)
    {
        if (baseline == candidate || (baseline.Count == 0 && candidate.Count == 0 && failsAs is not null))
            yield break;
        yield return new MetricChange(device, metric, bucket, baseline, candidate, Direction(baseline, candidate, failsAs), failsAs);
    }

    private static ChangeDirection Direction(Tally baseline, Tally candidate, FindingRule? failsAs)
    {
        if (failsAs is null || baseline.OutOf == 0 || candidate.OutOf == 0)
            return ChangeDirection.Neutral;
        return candidate.CompareShare(baseline) switch
        {
            > 0 => ChangeDirection.Regression,
            < 0 => ChangeDirection.Fix,
            _ => ChangeDirection.Neutral,
        };
    }
}
