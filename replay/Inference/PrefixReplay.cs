using Swiotlb.Trace.Replay.Allocator;
using Swiotlb.Trace.Replay.Records;
using Swiotlb.Trace.Replay.Validation;

namespace Swiotlb.Trace.Replay.Inference;

/// <summary>How well a model under a geometry explains the first records of a capture.</summary>
/// <param name="GaveUp">The replay stopped past its mismatch limit: the counts cover the records up to there.</param>
public readonly record struct PrefixResult(int Mismatches, int Adopted, int Predicted, bool GaveUp)
{
    public int Explained => Predicted - Mismatches;
}

/// <summary>Replays a capture's first records through a model the way <c>validate</c> does (synchronised, a few of the
/// orders the windows allow tried, no lane merge), for scoring what the capture does not state.</summary>
public static class PrefixReplay
{
    /// <param name="mismatchLimit">Give up once more mappings than this mismatch (the candidate has lost to one scored before).</param>
    public static PrefixResult Run(KernelGeneration generation, PoolGeometry geometry, IReadOnlyList<ReplayRecord> records, int recordCount, int ordersPerGroup,
        int mismatchLimit = int.MaxValue)
    {
        var model = ModelRegistry.Create(generation.Name, geometry);
        var report = new ReplaySynchroniser(model, ordersPerGroup) { MismatchLimit = mismatchLimit, MergesLanes = false }.Run(records.Take(recordCount));
        return new PrefixResult(report.Mismatches, report.Adopted, report.Predicted, report.Mismatches > mismatchLimit);
    }
}
