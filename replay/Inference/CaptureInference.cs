using Swiotlb.Trace.Replay.Allocator;

namespace Swiotlb.Trace.Replay.Inference;

/// <summary>The capture's kernel generation and pool: stated where the capture or the command line says, inferred from
/// the kernel's own placements where nothing does.</summary>
/// <param name="Generation">The capture's own generation (named, or inferred; the model asked for when it names none).</param>
/// <param name="GenerationSource">How it is known: the kernel release, or the inference's evidence.</param>
/// <param name="Pool">What the inference showed of the pool's unstated parameters; null when all were stated.</param>
public sealed record CaptureKernel(KernelGeneration Generation, string GenerationSource, InferredPool? Pool);

public static class CaptureInference
{
    /// <summary>The capture's generation and pool. Returns null when the capture names no kernel and holds no placement
    /// to infer one from.</summary>
    /// <param name="requested">The model the user named, if any: when the capture does not name its kernel, the pool is
    /// inferred under that model's generation rather than one inferred.</param>
    public static CaptureKernel? Infer(string? release, string? requested, CapturePrefix prefix, PoolStatements statements)
    {
        if (release is not null && ModelRegistry.TryResolve(release, out var named))
            return new CaptureKernel(named, $"the capture's kernel {release}", InferPool(named, prefix, statements));
        if (requested is not null && ModelRegistry.TryResolve(requested, out var asked))
            return new CaptureKernel(asked, "--model", InferPool(asked, prefix, statements));
        if (GenerationInference.Infer(prefix, statements) is not { } inferred)
            return null;
        return new CaptureKernel(inferred.Generation, $"inference: {inferred.Evidence}", InferPool(inferred.Generation, prefix, statements));
    }

    private static InferredPool? InferPool(KernelGeneration generation, CapturePrefix prefix, PoolStatements statements) =>
        PoolInference.Infer(generation, prefix, statements.Stated(generation), statements.PageSize);
}
