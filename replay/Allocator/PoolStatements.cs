using Swiotlb.Trace.Capture;

namespace Swiotlb.Trace.Replay.Allocator;

/// <summary>Everything outside the placements that can state the pool: the kernel's boot facts, the <c>pool=</c>
/// argument, the CPU count the capture declares, and the command line's overrides.</summary>
public sealed record PoolStatements(KernelFacts Facts, ulong? ObservedPoolStart, int? DeclaredCpus, PoolOverrides Overrides)
{
    public StatedPool Stated(KernelGeneration generation) =>
        PoolGeometryResolver.Stated(generation, Facts, ObservedPoolStart, DeclaredCpus, Overrides);

    public PoolGeometryChoice Resolve(KernelGeneration generation, InferredPool? inferred = null) =>
        PoolGeometryResolver.Resolve(generation, Facts, ObservedPoolStart, DeclaredCpus, Overrides, inferred);

    public int PageSize => Overrides.PageSize ?? PoolGeometryResolver.DefaultPageSize;
}
