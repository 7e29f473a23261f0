using Swiotlb.Trace.Diff.Findings.Rules;

namespace Swiotlb.Trace.Diff.Comparison;

/// <summary>One aggregated figure of one device that differs between the baseline and the candidate.</summary>
/// <param name="Bucket">The buffer offset or size class, for the per-bucket metrics.</param>
/// <param name="Baseline">The baseline's figure; <c>0/0</c> when the baseline has no such mappings.</param>
/// <param name="FailsAs">The <c>--fail-on</c> rule a regression of this metric counts as; none for neutral metrics.</param>
public sealed record MetricChange(
    string Device, Metric Metric, ulong? Bucket, Tally Baseline, Tally Candidate, ChangeDirection Direction, FindingRule? FailsAs);
