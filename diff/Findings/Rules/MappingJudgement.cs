using Swiotlb.Trace.Replay.Allocator;
using Swiotlb.Trace.Replay.Simulation;

namespace Swiotlb.Trace.Diff.Findings.Rules;

/// <summary>One mapping as one model answered it (<see cref="Result"/>), or as the kernel did (no result, its own
/// bounce address).</summary>
/// <param name="Bounce">Where the buffer was bounced; none when the model failed it or its search never ended.</param>
public readonly record struct MappingJudgement(ReplayedMapping Mapping, MapResult? Result, ulong? Bounce)
{
    public static MappingJudgement OfModel(ReplayedMapping mapping, ModelOutcome outcome) =>
        new(mapping, outcome.Result, outcome.Result.Outcome == MapOutcome.Mapped ? outcome.Result.Allocation.BounceAddress : null);

    public static MappingJudgement OfKernel(ReplayedMapping mapping, ulong bounce) => new(mapping, null, bounce);
}

/// <summary>A condition of one mapping under one side whose change between two models is a transition of its rule:
/// <see cref="Holds"/> is null where that side cannot be judged (no bounce address to judge).</summary>
public sealed record MappingCondition(TransitionNames Names, Func<MappingJudgement, bool?> Holds);
