using Swiotlb.Trace.Diff.Findings.Rules;

namespace Swiotlb.Trace.Diff.Comparison;

/// <summary>What changed from the baseline to the candidate, regressions first.</summary>
/// <param name="Pairing">How the two sides were chosen and matched, in sentences a reader of the report needs.</param>
/// <param name="Changes">The aggregated figures that differ, per device.</param>
/// <param name="Transitions">Per mapping and per command, when both sides are models replayed on one capture.</param>
public sealed record DiffReport(
    IReadOnlyList<string> Pairing, DiffSide Baseline, DiffSide Candidate, IReadOnlyList<MetricChange> Changes, ModelTransitions? Transitions)
{
    /// <summary>Figures that regressed in a way <c>--fail-on</c> <paramref name="rule"/> selects.</summary>
    public long RegressedFigures(FindingRule rule) =>
        Changes.Count(c => c.Direction == ChangeDirection.Regression && c.FailsAs == rule);

    /// <summary>True when anything of <paramref name="rule"/> got worse, in the figures or in single mappings and commands.</summary>
    public bool Regressed(FindingRule rule) => RegressedFigures(rule) > 0 || Transitions?.Regressions(rule) > 0;
}
