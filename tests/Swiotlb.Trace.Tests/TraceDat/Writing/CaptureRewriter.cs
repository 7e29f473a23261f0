using Swiotlb.Trace.Cli.Input;
using Swiotlb.Trace.Events;

namespace Swiotlb.Trace.Tests.TraceDat.Writing;

/// <summary>Rewrites a real capture's mapping events (bounces, NVMe command setups and the swmap/swmapret/swunmap probes) into a new
/// trace.dat through the test writer: each CPU's events in their order, with their timestamps and contents changed as
/// a test asks. What the writer has no format for (NVMe, block, dma) is left out.</summary>
internal static class CaptureRewriter
{
    /// <param name="burst">Stamp every run of this many consecutive events with the run's first timestamp (1: as recorded).</param>
    /// <param name="change">Changes each event's contents (the header is the writer's to stamp).</param>
    /// <returns>How many events follow another CPU's event with the same timestamp: order no reader can recover.</returns>
    public static int Write(string original, string output, int burst = 1, Func<TraceEvent, TraceEvent>? change = null)
    {
        List<TraceEvent> events;
        using (var reader = CaptureOpener.Open(original, TextWriter.Null))
            events = [.. reader.ReadEvents().Where(e => e is SwiotlbBounced or SwiotlbMapEntry or SwiotlbMapReturn or SwiotlbUnmapEntry or NvmeSetupCmd)];
        var stamped = events.Select((e, i) => (change?.Invoke(e) ?? e) with { Header = e.Header with { TimestampNs = events[i - i % burst].Header.TimestampNs } }).ToList();
        int cpus = stamped.Max(e => e.Header.Cpu) + 1;
        var perCpu = Enumerable.Range(0, cpus).Select(cpu => (IEnumerable<TraceEvent>)stamped.Where(e => e.Header.Cpu == cpu).ToList()).ToList();
        var tasks = stamped.GroupBy(e => e.Header.Pid).ToDictionary(g => g.Key, g => g.First().Header.Comm);
        using (var file = File.Create(output))
            TraceDatWriter.Write(file, TraceDatFileKind.V7Zstd, perCpu, tasks);
        return stamped.Zip(stamped.Skip(1)).Count(p => p.First.Header.TimestampNs == p.Second.Header.TimestampNs && p.First.Header.Cpu != p.Second.Header.Cpu);
    }
}
