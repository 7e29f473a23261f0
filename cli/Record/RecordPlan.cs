using Swiotlb.Trace.Replay.Allocator;

namespace Swiotlb.Trace.Cli.Record;

/// <summary>What a recording enables: the tracepoints that exist among those the readers use, and the ground-truth probes.</summary>
public sealed record RecordPlan(IReadOnlyList<string> Events, ProbeLayout Probes)
{
    /// <summary>Systems recorded whole, and single events of the block system.</summary>
    private static readonly string[] Systems = ["swiotlb", "nvme", "dma"];
    private static readonly string[] BlockEvents = ["block:block_rq_issue", "block:block_rq_complete"];

    /// <exception cref="RecordException">The release cannot be read.</exception>
    public static RecordPlan For(LiveKernel kernel)
    {
        if (!KernelRelease.TryParse(kernel.Release, out var release))
            throw new RecordException($"kernel release '{kernel.Release}': expected MAJOR.MINOR[.PATCH]…");
        var probes = ProbeLayouts.For(release, kernel.Symbols, kernel.HasFprobes);
        var events = kernel.Events.Where(e => Systems.Any(s => e.StartsWith(s + ":", StringComparison.Ordinal)) || BlockEvents.Contains(e))
            .Order(StringComparer.Ordinal).ToList();
        events.AddRange(probes.Names.Select(name => $"{probes.Group}:{name}"));
        return new RecordPlan(events, probes);
    }
}
