using Swiotlb.Trace.Replay.Allocator;

namespace Swiotlb.Trace.Replay.Inference;

/// <summary>The capture's kernel generation and pool: stated where the capture or the command line says, inferred from
/// the kernel's own placements where nothing does.</summary>
/// <param name="Generation">The capture's own generation (named, or inferred).</param>
/// <param name="GenerationSource">How it is known: the kernel release, or the inference's evidence.</param>
/// <param name="Pool">What the inference showed of the pool's unstated parameters; null when all were stated.</param>
public sealed record CaptureKernel(KernelGeneration Generation, string GenerationSource, bool GenerationInferred, InferredPool? Pool);

public static class CaptureInference
{
    /// <summary>The capture's generation and pool. Returns null when the capture names no kernel and holds no placement
    /// to infer one from.</summary>
    public static CaptureKernel? Infer(string? release, CapturePrefix prefix, PoolStatements statements)
    {
        if (release is not null && ModelRegistry.TryResolve(release, out var named))
            return new CaptureKernel(named, $"the capture's kernel {release}", false, InferPool(named, prefix, statements));
        if (GenerationInference.Infer(prefix, statements) is not { } inferred)
            return null;
        return new CaptureKernel(inferred.Generation, $"inference: {inferred.Evidence}", true, InferPool(inferred.Generation, prefix, statements));
    }

    private static InferredPool? InferPool(KernelGeneration generation, CapturePrefix prefix, PoolStatements statements) =>
        PoolInference.Infer(generation, prefix, statements.Stated(generation), statements.PageSize);
}
