using Swiotlb.Trace.Capture;
using Swiotlb.Trace.Cli.Commands;
using Swiotlb.Trace.Diff.Findings;
using Swiotlb.Trace.Diff.Replaying;
using Swiotlb.Trace.Replay.Pairing;

namespace Swiotlb.Trace.Cli.Output;

/// <summary>The human-readable <c>replay</c> report: what was replayed, a table per device and model, the findings, the verdict.</summary>
public static class ReplayTextWriter
{
    private const int FindingsShown = 5;

    public static void Write(CaptureReplay replay, IReadOnlySet<FindingKind> failOn, ExitCode exit, TextWriter output)
    {
        WriteHeader(replay, output);
        WriteDeviceTable(replay.Summary, output);
        WritePoolTable(replay, output);
        WriteCommandFindings(replay.Summary, output);
        WriteMappingFindings(replay.Summary, output);
        WriteOffsetBreakdown(replay.Summary, output);
        foreach (var warning in replay.Warnings)
            output.WriteLine($"warning: {warning}");
        WriteVerdict(replay.Summary, failOn, exit, output);
    }

    private static void WriteHeader(CaptureReplay replay, TextWriter output)
    {
        var metadata = replay.Metadata;
        var pairing = replay.Pairing;
        output.WriteLine($"capture:  {metadata.File} ({metadata.Format.Describe()}, kernel {metadata.KernelRelease ?? "not stated"}, {replay.Reading.EventsRead} events)");
        output.WriteLine($"mappings: {MappingLine(replay.Source, pairing)}");
        foreach (var assumption in replay.Assumptions)
            output.WriteLine($"assumed:  {assumption}");
        output.WriteLine($"releases: {pairing.UnmapsSeen} seen, {pairing.UnmapsRecovered} recovered from later events, " +
                         $"{pairing.UnmapsFromCompletions} from command/request completions, {pairing.UnmapsAssumed} assumed");
        foreach (var model in replay.Models)
            output.WriteLine($"model:    {model.Name} ({model.Reason}); pool {string.Join(", ", model.Pool.Sources)}");
        foreach (var (device, (parameters, evidence)) in replay.Devices.OrderBy(d => d.Key, StringComparer.Ordinal))
            output.WriteLine($"device:   {device} min_align_mask 0x{parameters.MinAlignMask:x} ({Describe(evidence)})");
        if (replay.Reading.LostEvents > 0 || replay.Reading.MalformedLines > 0 || replay.Reading.Truncated)
            output.WriteLine($"reading:  {replay.Reading.LostEvents} events lost by the ring, {replay.Reading.MalformedLines} malformed lines{(replay.Reading.Truncated ? ", truncated" : "")}");
        output.WriteLine();
    }

    private static string MappingLine(MappingSourceKind source, PairingStatistics pairing) => source switch
    {
        MappingSourceKind.Kprobes => $"{pairing.MapsFromKprobes} from swiotlb_tbl_map_single kprobes (exact: the kernel's own answers)",
        MappingSourceKind.DmaEvents => $"{pairing.MapsFromDmaEvents} from dma:* events (exact: the kernel's own answers)",
        MappingSourceKind.BouncedEvents => $"{pairing.MapsFromBouncedEvents} from swiotlb_bounced (requests only; the kernel's answers are not in the capture)",
        MappingSourceKind.BlockRequests => $"{pairing.MapsFromBlockRequests} from block requests (ASSUMPTION-BASED: no addresses in the capture)",
        _ => "none",
    } + (pairing.Unreturned > 0 ? $"; {pairing.Unreturned} never returned" : "");

    public static string Describe(DeviceEvidence evidence) => evidence switch
    {
        DeviceEvidence.Declared => "declared / NVMe per the kernel log",
        DeviceEvidence.CarriesNvmeCommands => "its mappings carry NVMe commands",
        DeviceEvidence.MapsOutsideNvmeCommands => "maps outside NVMe commands",
        DeviceEvidence.BlockMajor => "assumed from its block major",
        _ => "assumed",
    };

    private static void WriteDeviceTable(ReplaySummary summary, TextWriter output)
    {
        output.WriteLine($"{"device",-14} {"model",-11} {"mappings",9} {"w/offset",9} {"lost",7} {"mask↯",7} {"cmds",7} {"broken",7} {"failed",7} {"hangs",6} {"bytes hit",11}");
        foreach (var d in summary.Devices)
            output.WriteLine($"{d.Device,-14} {d.Model,-11} {d.Mappings,9} {d.WithPageOffset,9} {d.OffsetsLost,7} {d.MaskViolations,7} {d.CommandsChecked,7} {d.CommandsBroken,7} {d.Failures,7} {d.EndlessSearches,6} {d.BytesAffected,11}");
        output.WriteLine("(w/offset: mappings with an in-page offset; lost: of those, bounced without it; mask↯: the device's min_align_mask broken;");
        output.WriteLine(" cmds/broken: NVMe commands checked / whose PRPs break; observed: the kernel's own addresses from the capture)");
        if (summary.CommandsUnchecked > 0 || summary.CommandsUsingSgl > 0)
            output.WriteLine($" {summary.CommandsUnchecked} commands could not be checked whole (segments missing), {summary.CommandsUsingSgl} use SGLs (offsets do not matter)");
        output.WriteLine();
    }

    private static void WritePoolTable(CaptureReplay replay, TextWriter output)
    {
        output.WriteLine($"{"model",-11} {"peak slots",12} {"of",7} {"failures",9} {"endless",8} {"hazards",8}");
        foreach (var (run, model) in replay.Summary.Runs.Zip(replay.Models))
            output.WriteLine($"{run.Name,-11} {run.Occupancy.PeakUsedSlots,12} {model.Pool.Geometry.SlotCount,7} {run.Failures,9} {run.EndlessSearches,8} {run.Hazards,8}");
        output.WriteLine();
    }

    private static void WriteCommandFindings(ReplaySummary summary, TextWriter output)
    {
        foreach (var group in summary.CommandFindings.GroupBy(f => f.Model))
        {
            output.WriteLine($"NVMe commands whose PRPs break under {group.Key}: {summary.Count(group.Key, FindingKind.Prp)}");
            foreach (var finding in group.Take(FindingsShown))
            {
                output.WriteLine($"  {Figures.Seconds(finding.TimeNs)} {finding.Disk} qid {finding.QueueId} cid {finding.CommandId} {finding.Operation}" +
                                 $"{(finding.StartLba is { } lba ? $" lba {lba} +{finding.Blocks}" : "")}: {finding.Effect}");
                foreach (var segment in finding.Segments)
                    output.WriteLine($"      segment {Figures.Hex(segment.Original)} +0x{segment.Size:x} -> {Figures.Hex(segment.Bounce)}");
                output.WriteLine($"      PRP entries: {string.Join(" ", finding.Verdict.Entries.Select(Figures.Hex))}");
            }
            output.WriteLine();
        }
    }

    private static void WriteMappingFindings(ReplaySummary summary, TextWriter output)
    {
        foreach (var group in summary.MappingFindings.GroupBy(f => (f.Model, f.Kind)))
        {
            output.WriteLine($"{group.Key.Kind} under {group.Key.Model}: {summary.Count(group.Key.Model, group.Key.Kind)}");
            foreach (var f in group.Take(FindingsShown))
                output.WriteLine($"  {Figures.Seconds(f.TimeNs)} cpu {f.Cpu} {f.Device} {Figures.Hex(f.Original)} +0x{f.Size:x}" +
                                 $"{(f.ModelBounce is { } b ? $" -> {Figures.Hex(b)}" : "")}{(f.ObservedBounce is { } o ? $" (kernel: {Figures.Hex(o)})" : "")}: {f.Detail}");
            output.WriteLine();
        }
    }

    private static void WriteOffsetBreakdown(ReplaySummary summary, TextWriter output)
    {
        output.WriteLine("in-page offsets lost/with offset, by buffer offset:");
        foreach (var d in summary.Devices.Where(d => d.WithPageOffset > 0))
            output.WriteLine($"  {d.Device,-14} {d.Model,-11} " + string.Join("  ", d.ByBufferOffset.Buckets.Select(b => $"{b.Key}:{b.Value.Lost}/{b.Value.Kept + b.Value.Lost}")));
        output.WriteLine("in-page offsets lost/with offset, by mapping size (up to):");
        foreach (var d in summary.Devices.Where(d => d.WithPageOffset > 0))
            output.WriteLine($"  {d.Device,-14} {d.Model,-11} " + string.Join("  ", d.BySizeClass.Buckets.Select(b => $"{Sizes.Short(b.Key)}:{b.Value.Lost}/{b.Value.Kept + b.Value.Lost}")));
        output.WriteLine();
    }

    private static void WriteVerdict(ReplaySummary summary, IReadOnlySet<FindingKind> failOn, ExitCode exit, TextWriter output)
    {
        var counts = Enum.GetValues<FindingKind>().Select(k => $"{FailOn.FailOnName(k)} {summary.Count(k)}{(failOn.Contains(k) ? "" : " (not failing)")}");
        output.WriteLine($"verdict: {(exit == ExitCode.Findings ? "FINDINGS" : "clean")}: {string.Join(", ", counts)}");
    }
}
