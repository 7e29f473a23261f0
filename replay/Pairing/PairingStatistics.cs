using Swiotlb.Trace.Capture;
using Swiotlb.Trace.Replay.Records;

namespace Swiotlb.Trace.Replay.Pairing;

/// <summary>How the mappings of a capture were put together: the counts every replay report shows.</summary>
public sealed class PairingStatistics
{
    /// <summary>Map records from kprobes (entry + return).</summary>
    public long MapsFromKprobes { get; internal set; }

    /// <summary>Map records from <c>dma:dma_map_*</c> events (captures without kprobes).</summary>
    public long MapsFromDmaEvents { get; internal set; }

    /// <summary>Of <see cref="MapsFromDmaEvents"/>: map entry probes answered by their buffer's <c>dma_map_*</c> event, the
    /// capture holding no return probe that could be placed (7.x captures probe a return site in the caller).</summary>
    public long MapEntriesAnsweredByDmaEvents { get; internal set; }

    /// <summary><c>dma_map_sg</c> events whose arrays the kernel capped (128 entries): mappings beyond the cap are not in the capture.</summary>
    public long CappedScatterLists { get; internal set; }

    /// <summary>Mapped scatterlist entries the capped arrays do not show.</summary>
    public long ScatterListEntriesNotShown { get; internal set; }

    /// <summary><c>dma_map_sg_err</c> events: scatterlist maps that failed.</summary>
    public long FailedScatterLists { get; internal set; }

    /// <summary>Map requests from <c>swiotlb_bounced</c> alone (no kprobes, no <c>dma:*</c>): the kernel's answer is unknown.</summary>
    public long MapsFromBouncedEvents { get; internal set; }

    /// <summary>Map requests assumed from block requests alone (no swiotlb events): sizes and times real, addresses assumed.</summary>
    public long MapsFromBlockRequests { get; internal set; }

    /// <summary>Releases taken from the completion of the command or block request a bounced mapping carried.</summary>
    public long UnmapsFromCompletions { get; internal set; }

    /// <summary>Releases nothing showed: assumed right after the mapping.</summary>
    public long UnmapsAssumed { get; internal set; }

    /// <summary>Unmaps seen as such (probe, or <c>dma_unmap_*</c> in captures without kprobes).</summary>
    public long UnmapsSeen { get; internal set; }

    /// <summary>Unmaps whose probe was lost, recovered from <c>dma_unmap_*</c> or the command's <c>nvme_complete_rq</c>.</summary>
    public long UnmapsRecovered { get; internal set; }

    /// <summary>Map calls the capture never shows returning (it ends inside them: a hang, or a cut).</summary>
    public long Unreturned { get; internal set; }

    /// <summary>Map returns whose entry the capture does not hold.</summary>
    public long UnpairedReturns { get; internal set; }

    /// <summary>Map returns timestamped before their entry (a damaged capture): their window spans the two.</summary>
    public long ReturnsBeforeEntry { get; internal set; }

    /// <summary>NVMe commands seen complete with their segments.</summary>
    public long NvmeCommands { get; internal set; }

    /// <summary>The pairer's statistics, declared: every report writes them by these names.</summary>
    public static IReadOnlyList<DeclaredStatistic<PairingStatistics>> Declared { get; } =
    [
        new("unmapsRecovered", StatSeverity.DataLoss, StatSource.Pairer, "Unmaps whose probe was lost, recovered from dma_unmap_* or the command's completion.", s => s.UnmapsRecovered),
        new("unmapsAssumed", StatSeverity.Info, StatSource.Pairer, "Releases nothing showed, assumed right after their mapping.", s => s.UnmapsAssumed),
        new("unreturned", StatSeverity.Info, StatSource.Pairer, "Map calls the capture never shows returning (a hang, or the end of the capture).", s => s.Unreturned),
        new("unpairedReturns", StatSeverity.DataLoss, StatSource.Pairer, "Map returns whose entry the capture does not hold.", s => s.UnpairedReturns),
        new("returnsBeforeEntry", StatSeverity.Error, StatSource.Pairer, "Map returns timestamped before their entry: their windows span the two.", s => s.ReturnsBeforeEntry),
        new("refusedMappings", StatSeverity.Error, StatSource.Pairer, "Map calls of sizes the kernel cannot map (a corrupt field): not replayed.", s => s.RefusedMappings),
        new("cappedScatterLists", StatSeverity.DataLoss, StatSource.Pairer, "dma_map_sg events whose arrays the kernel capped: entries beyond the cap are missing.", s => s.CappedScatterLists),
        new("scatterListEntriesNotShown", StatSeverity.DataLoss, StatSource.Pairer, "Mapped scatterlist entries the capped arrays do not show.", s => s.ScatterListEntriesNotShown),
        new("failedScatterLists", StatSeverity.Info, StatSource.Pairer, "dma_map_sg_err events: scatterlist maps the kernel failed.", s => s.FailedScatterLists),
    ];

    /// <summary>The declared statistics' values for this pairing.</summary>
    public IEnumerable<StatisticValue> Values() => Declared.Select(d => d.Of(this));

    /// <summary>Counts one release under the figure its evidence belongs to.</summary>
    internal void Released(UnmapEvidence evidence)
    {
        switch (evidence)
        {
            case UnmapEvidence.Probe:
                UnmapsSeen++;
                break;
            case UnmapEvidence.Recovered:
                UnmapsRecovered++;
                break;
            case UnmapEvidence.Assumed:
                UnmapsAssumed++;
                break;
            default:
                UnmapsFromCompletions++;
                break;
        }
    }

    /// <summary>Map calls dropped because their sizes are beyond what the kernel allows (a corrupt field), with the first few described.</summary>
    public long RefusedMappings { get; private set; }

    /// <summary>The first <see cref="MaxKeptRefusals"/> refused mappings: when, on which CPU, and why.</summary>
    public IReadOnlyList<string> FirstRefusals => _firstRefusals;

    public const int MaxKeptRefusals = 3;
    private readonly List<string> _firstRefusals = [];

    /// <summary>Counts a map call the kernel could not have made; the caller drops it.</summary>
    internal void Refused(long timestampNs, int cpu, string why)
    {
        RefusedMappings++;
        if (_firstRefusals.Count < MaxKeptRefusals)
            _firstRefusals.Add($"{timestampNs} ns, CPU {cpu}: {why}");
    }

    /// <summary>The first pool start address (<c>pool=</c>) the capture gave.</summary>
    public ulong? PoolStart { get; internal set; }

    /// <summary>What a reader of any report must know about how the mappings were put together.</summary>
    public IEnumerable<string> Notes()
    {
        if (MapEntriesAnsweredByDmaEvents > 0)
            yield return $"{MapEntriesAnsweredByDmaEvents} swiotlb_tbl_map_single entry probes have no return probe that could be placed: their bounce addresses come from the dma:* events";
        if (CappedScatterLists > 0)
            yield return $"{CappedScatterLists} dma_map_sg events were capped at {Swiotlb.Trace.Kernel.DmaEventFields.ScatterListCap} entries and do not show {ScatterListEntriesNotShown} mapped entries"
                + (MapsFromKprobes > 0 ? " (the kprobes show them)" : ": those mappings are not replayed");
        if (FailedScatterLists > 0)
            yield return $"{FailedScatterLists} scatterlist maps failed (dma_map_sg_err)"
                + (MapsFromKprobes > 0 ? "" : ": their entries are not replayed, the capture does not say which one failed");
    }
}
