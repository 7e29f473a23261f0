using Swiotlb.Trace.Replay.Allocator;

namespace Swiotlb.Trace.Diff.Pool;

/// <summary>A pool the kernel can boot with: nslabs and nareas as the kernel rounds <c>swiotlb=N,M</c>.</summary>
public readonly record struct PoolCandidate(int Slots, int Areas)
{
    public ulong Bytes => (ulong)Slots << Replay.Allocator.Slots.Shift;

    /// <summary>The pool <c>swiotlb=N[,M]</c> boots on <paramref name="generation"/> with <paramref name="cpus"/> possible CPUs.</summary>
    public static PoolCandidate Booted(KernelGeneration generation, int slots, int? areas, int cpus)
    {
        var (bootSlots, bootAreas) = generation.HasAreas ? PoolSizing.WithAreas(slots, areas, cpus) : PoolSizing.BeforeAreas(slots);
        return new PoolCandidate(bootSlots, bootAreas);
    }

    /// <summary>The kernel argument that boots this pool: <c>swiotlb=N,M</c> from 6.0 (areas), <c>swiotlb=N</c> before,
    /// where the parser takes no area count; <c>,force</c> kept when the capture's kernel forced bouncing.</summary>
    public string KernelArgument(KernelGeneration generation, bool force) =>
        $"swiotlb={Slots}{(generation.HasAreas ? $",{Areas}" : "")}{(force ? ",force" : "")}";

    public override string ToString() => $"{Slots} slots ({Size}), {Areas} area{(Areas == 1 ? "" : "s")}";

    /// <summary><c>2 MiB</c>, <c>256 KiB</c>.</summary>
    public string Size => Bytes % (1 << 20) == 0 ? $"{Bytes >> 20} MiB" : $"{Bytes >> 10} KiB";
}
