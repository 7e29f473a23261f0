namespace Swiotlb.Trace.TraceDat.Ring;

/// <summary>
/// How much decompressed ring data the reader holds at once: every CPU holds one chunk while the CPUs are merged, so a
/// chunk may be at most its CPU's share of a budget taken from the machine (an eighth of the memory available, at most
/// 128 MiB), never what a chunk header claims.
/// </summary>
internal static class RingMemoryBudget
{
    private const long MaxTotal = 128L << 20;
    private const long MinPerCpu = 1L << 20;

    public static long Total { get; } = Math.Min(MaxTotal, Math.Max(MinPerCpu, GC.GetGCMemoryInfo().TotalAvailableMemoryBytes / 8));

    /// <summary>The largest chunk one of <paramref name="cpus"/> CPUs may decompress: its share, and at least one page and 1 MiB.</summary>
    public static long PerCpu(int cpus, int pageSize) => Math.Max(Math.Max(MinPerCpu, pageSize), Total / Math.Max(1, cpus));
}
