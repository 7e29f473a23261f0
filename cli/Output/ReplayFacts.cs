using Swiotlb.Trace.Capture;
using Swiotlb.Trace.Diff.Nvme;
using Swiotlb.Trace.Diff.Replaying;
using Swiotlb.Trace.Replay.Pairing;

namespace Swiotlb.Trace.Cli.Output;

/// <summary>A labelled fact about a replay: what was read, where mappings came from, the models, the devices.</summary>
public sealed record ReplayFact(string Label, string Value);

/// <summary>The facts every <c>replay</c> report states before its tables, in the same words.</summary>
public static class ReplayFacts
{
    public static IReadOnlyList<ReplayFact> Of(CaptureReplay replay)
    {
        var metadata = replay.Metadata;
        var pairing = replay.Pairing;
        var facts = new List<ReplayFact>
        {
            new("capture", $"{metadata.File} ({metadata.Format.Describe()}, kernel {metadata.KernelRelease ?? "not stated"}, {replay.Reading.EventsRead} events)"),
            new("mappings", MappingSource(replay.Source, pairing)),
        };
        facts.AddRange(replay.Assumptions.Select(assumption => new ReplayFact("assumed", assumption)));
        facts.Add(new("releases", $"{pairing.UnmapsSeen} seen, {pairing.UnmapsRecovered} recovered from later events, " +
                                  $"{pairing.UnmapsFromCompletions} from command/request completions, {pairing.UnmapsAssumed} assumed"));
        facts.AddRange(replay.Models.Select(model => new ReplayFact("model", $"{model.Name} ({model.Reason}); pool {string.Join(", ", model.Pool.Sources)}")));
        facts.AddRange(InferredPoolOutput.Lines(replay.Models.Select(model => model.Pool.Inference).FirstOrDefault(i => i is not null))
            .Select(line => new ReplayFact("pool", line)));
        facts.AddRange(replay.Devices.OrderBy(d => d.Key, StringComparer.Ordinal).Select(d =>
            new ReplayFact("device", $"{d.Key} min_align_mask 0x{d.Value.Parameters.MinAlignMask:x} ({Describe(d.Value.Evidence)})")));
        var paths = replay.Summary.DataPaths;
        facts.AddRange(paths.Controllers.Where(c => c.Value.Evidence != SglEvidence.Assumed).OrderBy(c => c.Key, StringComparer.Ordinal).Select(c =>
            new ReplayFact("nvme", $"{c.Key} {(c.Value.SupportsSgl ? "takes" : "does not take")} SGLs ({Describe(c.Value.Evidence)}); sgl_threshold {c.Value.SglThreshold}; " +
                                   $"driver {paths.CaptureDriver.Describe()}")));
        var reading = replay.Reading;
        if (StatisticsOutput.Notable(reading.Values().Concat(pairing.Values())) is { } statistics)
            facts.Add(new("stats", statistics));
        facts.AddRange(ReadingCompleteness.Gaps(reading, pairing).Select(gap => new ReplayFact("weakened", gap)));
        return facts;
    }

    /// <summary>Every warning of a replay, the same in every report: the replay's own, then the capture reader's.</summary>
    public static IEnumerable<string> Warnings(CaptureReplay replay) =>
        replay.Warnings.Concat(replay.Reading.Warnings.Select(warning => warning.ToString()));

    private static string MappingSource(MappingSourceKind source, PairingStatistics pairing) => source switch
    {
        MappingSourceKind.Kprobes => $"{pairing.MapsFromKprobes} from swiotlb_tbl_map_single kprobes (exact: the kernel's own answers)",
        MappingSourceKind.DmaEvents => $"{pairing.MapsFromDmaEvents} from dma:* events (exact: the kernel's own answers)",
        MappingSourceKind.BouncedEvents => $"{pairing.MapsFromBouncedEvents} from swiotlb_bounced (requests only; the kernel's answers are not in the capture)",
        MappingSourceKind.BlockRequests => $"{pairing.MapsFromBlockRequests} from block requests (ASSUMPTION-BASED: no addresses in the capture)",
        _ => "none",
    } + (pairing.Unreturned > 0 ? $"; {pairing.Unreturned} never returned" : "");

    private static string Describe(SglEvidence evidence) => evidence switch
    {
        SglEvidence.Declared => "declared: --nvme-sgl",
        SglEvidence.ObservedCommand => "a completed command only an SGL could carry",
        _ => "assumed",
    };

    private static string Describe(DeviceEvidence evidence) => evidence switch
    {
        DeviceEvidence.Declared => "declared / NVMe per the kernel log",
        DeviceEvidence.CarriesNvmeCommands => "its mappings carry NVMe commands",
        DeviceEvidence.MapsOutsideNvmeCommands => "maps outside NVMe commands",
        DeviceEvidence.BlockMajor => "assumed from its block major",
        DeviceEvidence.ProbedMask => "read by the map probe (mam=)",
        DeviceEvidence.ObservedWithoutMinAlignMask => "its bounce addresses never kept an offset",
        _ => "assumed",
    };
}
