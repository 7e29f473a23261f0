using Swiotlb.Trace.Replay.Allocator;

namespace Swiotlb.Trace.Diff.Pool;

/// <summary>Which pools a what-if sweep replays, and what its replays say: the failure curve, and the smallest pool
/// under which nothing fails.</summary>
public static class PoolSweep
{
    /// <summary>The sweep stops at four times the capture's pool, and at the largest pool there is.</summary>
    public const int LargestFactor = 4;

    /// <summary>Every pool the kernel can boot with a power-of-two slot count from one segment per area up to
    /// <see cref="LargestFactor"/> × the capture's pool, for each area count from 1 to the CPUs' (6.0+; before 6.0 one
    /// lock), plus the capture's own pool. A 6.x kernel rounds <c>swiotlb=N</c> up to a power of two, so these are all
    /// the sizes it can have in that range.</summary>
    public static IReadOnlyList<PoolCandidate> Grid(KernelGeneration generation, PoolGeometry captured, int cpus)
    {
        int largest = (int)Math.Min(PoolGeometry.MaxSlotCount, (long)captured.SlotCount * LargestFactor);
        int maxAreas = generation.HasAreas ? (int)Math.Min(PoolGeometry.MaxAreaCount, System.Numerics.BitOperations.RoundUpToPowerOf2((uint)Math.Max(Math.Max(cpus, captured.AreaCount), 1))) : 1;
        var grid = new SortedSet<PoolCandidate>(Comparer<PoolCandidate>.Create((a, b) => (a.Slots, a.Areas).CompareTo((b.Slots, b.Areas))))
        {
            new(captured.SlotCount, generation.HasAreas ? captured.AreaCount : 1),
        };
        for (int areas = 1; areas <= maxAreas; areas *= 2)
            for (int slots = Slots.SegmentSlots * areas; slots <= largest; slots *= 2)
                grid.Add(PoolCandidate.Booted(generation, slots, areas, cpus));
        return [.. grid];
    }

    /// <summary>The smallest clean pool that stays clean at every larger size of the sweep with its area count (so one
    /// lucky size between failing ones is not taken), the fewest slots first, then the area count nearest the capture's;
    /// null when no such pool was replayed.</summary>
    public static SweepPoint? Smallest(IReadOnlyList<SweepPoint> points, int capturedAreas)
    {
        var stable = new List<SweepPoint>();
        foreach (var byAreas in points.GroupBy(p => p.Pool.Areas))
        {
            var sizes = byAreas.OrderBy(p => p.Pool.Slots).ToList();
            int firstOfCleanTail = sizes.FindLastIndex(p => !p.IsClean) + 1;
            if (firstOfCleanTail < sizes.Count)
                stable.Add(sizes[firstOfCleanTail]);
        }
        return stable
            .OrderBy(p => p.Pool.Slots)
            .ThenBy(p => Math.Abs(Math.Log2(p.Pool.Areas) - Math.Log2(capturedAreas)))
            .ThenByDescending(p => p.Pool.Areas)
            .FirstOrDefault();
    }
}
