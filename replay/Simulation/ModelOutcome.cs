using Swiotlb.Trace.Replay.Allocator;

namespace Swiotlb.Trace.Replay.Simulation;

/// <summary>What one model answered for one mapping.</summary>
/// <param name="Result">The model's map result (allocation, failure, or endless search with its evidence).</param>
/// <param name="Hazard">True when, from where this search started, it could not have returned had nothing fitted.</param>
public readonly record struct ModelOutcome(MapResult Result, bool Hazard)
{
    public ulong? BounceAddress => Result.IsMapped ? Result.Allocation.BounceAddress : null;
}
