using Swiotlb.Trace.Replay.Allocator;
using Swiotlb.Trace.Replay.Records;

namespace Swiotlb.Trace.Replay.Inference;

/// <summary>The kernel generation a capture that does not name its kernel came from: the one whose allocator explains
/// the kernel's own placements best (the newest among equals), among those the capture's events allow.</summary>
public static class GenerationInference
{
    /// <summary>The first release whose kernels emit <c>dma:dma_map_*</c> events.</summary>
    public const string FirstDmaEventsRelease = "6.12";

    public static (KernelGeneration Generation, string Evidence)? Infer(CapturePrefix prefix, PoolStatements statements)
    {
        if (prefix.Placements.Count == 0)
            return null;
        if (prefix.Evidence == MapEvidence.DmaEvent)
            return (ModelRegistry.Resolve(FirstDmaEventsRelease, FirstDmaEventsRelease), $"dma:* mapping events exist only from Linux {FirstDmaEventsRelease}");
        var results = ModelRegistry.Generations
            .Select((generation, index) => (Generation: generation, Index: index, Result: QuickLook(generation, prefix, statements)))
            .OrderByDescending(r => r.Result.Explained).ThenBy(r => r.Result.Mismatches).ThenByDescending(r => r.Index)
            .ToList();
        var best = results[0];
        var others = string.Join(", ", results.Skip(1).Select(r => $"{r.Generation.Name} {r.Result.Explained}"));
        return (best.Generation, $"its allocator explains {best.Result.Explained} of {best.Result.Predicted} predicted mappings of the first " +
            $"{Math.Min(QuickLookRecords, prefix.Records.Count)} records, each generation under the pool inferred for it (the others: {others})");
    }

    /// <summary>Records each generation is scored on, under the pool inferred for it from the same records.</summary>
    public const int QuickLookRecords = 1024;

    private static PrefixResult QuickLook(KernelGeneration generation, CapturePrefix prefix, PoolStatements statements)
    {
        var pool = PoolInference.Infer(generation, prefix, statements.Stated(generation), statements.PageSize, QuickLookRecords, quickLook: true);
        return PrefixReplay.Run(generation, statements.Resolve(generation, pool).Geometry, prefix.Records, QuickLookRecords, PoolInference.OrdersPerGroup);
    }
}
