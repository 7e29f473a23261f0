using Swiotlb.Trace.Replay.Allocator;

namespace Swiotlb.Trace.Diff.Findings.Rules;

/// <summary>A mapping the model fails: the pool is full (fail fast) or no slots fit it.</summary>
public sealed class FailureRule : MappingRule
{
    public override string Name => "failure";

    public override string Detects => "mappings the model fails to map";

    public override FindingFigure Figure { get; } =
        new("failures", "mappings failed", FigureRow.Model, r => r.Findings(FindingRules.Failure), r => r.Mappings);

    protected override TransitionNames Transitions { get; } = new("failureAppeared", "failureGone", "mapped → failed", "failed → mapped");

    public override bool? Finds(MappingJudgement judgement) => judgement.Result?.Outcome is MapOutcome.PoolFull or MapOutcome.NoFit;

    public override IReadOnlyList<FindingField> Evidence(MappingJudgement judgement) =>
        [FindingField.Of("cause", judgement.Result?.Outcome == MapOutcome.PoolFull ? "poolFull" : "noFit")];

    public override string Detail(MappingJudgement judgement) =>
        judgement.Result?.Outcome == MapOutcome.PoolFull ? "pool full (fail fast)" : "no fitting slots";
}
