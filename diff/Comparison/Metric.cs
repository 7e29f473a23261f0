using Swiotlb.Trace.Diff.Findings.Rules;

namespace Swiotlb.Trace.Diff.Comparison;

/// <summary>An aggregated figure compared per device between two sides of a diff: the volume, the offsets lost per
/// bucket, the pool peak, and each finding rule's own figure (<see cref="FindingRule.Figure"/>).</summary>
public sealed class Metric
{
    private Metric(string name, string label)
    {
        Name = name;
        Label = label;
    }

    /// <summary>Its name in JSON, e.g. <c>maskViolations</c>.</summary>
    public string Name { get; }

    /// <summary>Its name in the text reports; a bucketed metric's label is followed by the bucket.</summary>
    public string Label { get; }

    /// <summary>Mappings replayed: a different volume is worth knowing, never a regression.</summary>
    public static Metric Mappings { get; } = new("mappings", "mappings");

    /// <summary>In-page offsets lost, of mappings with one, for one buffer offset bucket (512-byte steps).</summary>
    public static Metric OffsetsLostByBufferOffset { get; } = new("offsetsLostByBufferOffset", "offsets lost, buffer offset");

    /// <summary>In-page offsets lost, of mappings with one, for one size class.</summary>
    public static Metric OffsetsLostBySizeClass { get; } = new("offsetsLostBySizeClass", "offsets lost, size up to");

    /// <summary>The most pool slots in use at once, of the pool's slots (the pool is shared: reported for device <c>*</c>).</summary>
    public static Metric PeakPoolSlots { get; } = new("peakPoolSlots", "peak pool slots in use, of the pool");

    private static readonly Dictionary<FindingRule, Metric> OfRules = FindingRules.All
        .Where(rule => rule.Figure is not null).ToDictionary(rule => rule, rule => new Metric(rule.Figure!.Metric, rule.Figure.Label));

    /// <summary>The metric of a rule's figure.</summary>
    public static Metric Of(FindingRule rule) => OfRules[rule];

    public override string ToString() => Name;
}
