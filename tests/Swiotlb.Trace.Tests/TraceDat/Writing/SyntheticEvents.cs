using Swiotlb.Trace.Events;

namespace Swiotlb.Trace.Tests.TraceDat.Writing;

/// <summary>Deterministic per-CPU event streams of the types <see cref="EventRecordEncoder"/> writes, with ties across CPUs and gaps needing time extends.</summary>
internal static class SyntheticEvents
{
    public static readonly IReadOnlyDictionary<int, string> TaskNames = new Dictionary<int, string> { [101] = "fio", [102] = "kworker/0:1H", [103] = "mkfs.xfs" };

    /// <summary><paramref name="eventsPerCpu"/> events on each of <paramref name="cpus"/> CPUs, generated lazily.</summary>
    public static IReadOnlyList<IEnumerable<TraceEvent>> PerCpu(int cpus, long eventsPerCpu) =>
        Enumerable.Range(0, cpus).Select(cpu => Stream(cpu, eventsPerCpu)).ToList();

    private static IEnumerable<TraceEvent> Stream(int cpu, long count)
    {
        var timestamp = 5_000_000_000L;
        for (long i = 0; i < count; i++)
        {
            timestamp += (i % 97) switch
            {
                0 => 3L << 27,
                13 => 0,
                _ => 1_000 + (i * 7919 + cpu * 104_729) % 4_000,
            };
            var pid = (int)(i % 4) switch { 0 => 0, var k => 100 + k };
            var header = new EventHeader(timestamp, cpu, pid, pid == 0 ? "<idle>" : TaskNames[pid]);
            yield return (i % 4) switch
            {
                0 => new NvmeSetupCmd(header, "nvme0n1", 0, cpu + 1, (ushort)(i * 64), (byte)(i % 8 == 0 ? 1 : 2), 1, new NvmeBlockRange((ulong)i * 8, 8)),
                1 => new SwiotlbBounced(header, "0000:00:04.0", ulong.MaxValue, 0x9bc8000 + (ulong)i * 512, 4096, BounceForce.Force),
                2 => new SwiotlbMapEntry(header, "swmap", 0xff1736907ba4e0c8, 0x9bc8000 + (ulong)i * 512, 4096, 4096, 0, DmaDirection.ToDevice, null, 0x37a00000),
                _ => new SwiotlbMapReturn(header, "swmapret", 0x37a00000 + (ulong)i * 4096 % 0x4000000),
            };
        }
    }
}
