using Swiotlb.Trace.Capture;
using System.Globalization;
using Swiotlb.Trace.Replay.Validation;

namespace Swiotlb.Trace.Cli.Output;

/// <summary>The human-readable <c>validate</c> report: what was replayed on what, how well it matched, and why.</summary>
public static class ValidationTextWriter
{
    public static void Write(string capturePath, CaptureValidation validation, IReadOnlyList<UnreturnedDiagnosis> hangs, ReadStatistics reading, TextWriter output)
    {
        var report = validation.Report;
        var pool = validation.Pool.Geometry;
        output.WriteLine($"capture:  {capturePath}");
        output.WriteLine($"model:    {validation.Model} (chosen by {validation.ModelSource})");
        output.WriteLine($"pool:     {Figures.Hex(pool.StartAddress)}, {pool.SlotCount} slots ({Figures.Size(pool.EndAddress - pool.StartAddress)}), {pool.AreaCount} area(s) of {pool.AreaSlotCount} slots, {pool.PageSize}-byte pages");
        foreach (var source in validation.Pool.Sources.Concat(InferredPoolOutput.Lines(validation.Pool.Inference)))
            output.WriteLine($"          {source}");
        ReadingCompleteness.WriteText(reading, validation.Pairing, validation.Report.Values(), output);
        foreach (var line in CaptureLossesOutput.Lines(validation.Losses, report.Mismatches))
            output.WriteLine($"  losses:   {line}");

        output.WriteLine();
        output.WriteLine("devices:");
        foreach (var (name, (parameters, evidence)) in validation.Devices.OrderBy(d => d.Key, StringComparer.Ordinal))
            output.WriteLine($"  {name,-16} min_align_mask {Figures.Hex(parameters.MinAlignMask),-6} {ReplayRecordText.Evidence(evidence)}");

        output.WriteLine();
        output.WriteLine("pairing:");
        var pairing = validation.Pairing;
        Line(output, "maps from kprobes", pairing.MapsFromKprobes);
        Line(output, "maps from dma events", pairing.MapsFromDmaEvents);
        Line(output, "unmaps seen", pairing.UnmapsSeen);
        Line(output, "unmaps recovered", pairing.UnmapsRecovered, "probe lost; from dma_unmap_* or nvme_complete_rq");
        Line(output, "maps never returned", pairing.Unreturned);
        Line(output, "returns without entry", pairing.UnpairedReturns);
        if (pairing.MapEntriesAnsweredByDmaEvents > 0)
            Line(output, "entries answered by dma", pairing.MapEntriesAnsweredByDmaEvents, "no return probe could be placed; bounce address from dma_map_*");
        if (pairing.CappedScatterLists > 0)
            Line(output, "capped scatterlists", pairing.CappedScatterLists, $"{pairing.ScatterListEntriesNotShown} mapped entries not shown");
        if (pairing.FailedScatterLists > 0)
            Line(output, "failed scatterlists", pairing.FailedScatterLists, "dma_map_sg_err");

        output.WriteLine();
        output.WriteLine("replay:");
        Line(output, "mappings", report.Mappings);
        Line(output, "preexisting (reserved)", report.PreexistingMappings, "unmapped before the capture showed them mapped");
        Line(output, "adopted", report.Adopted, "each area's first mapping, taken as its start state");
        Line(output, "predicted", report.Predicted);
        Line(output, "exact matches", report.ExactMatches, Percent(report.ExactMatches, report.Predicted));
        Line(output, "  after unmap recovery", report.MatchedAfterRecovery, 
            $"{report.RecoveredUnmaps} lost unmaps recovered: {report.RecoveredInPairing - report.RecoveredInPairingNotLive} of the pairing's {report.RecoveredInPairing}, {report.RecoveredFromReusedSlots} from reused slots");
        Line(output, "  after reordering", report.MatchedAfterReordering, $"{report.ReorderedGroups} group(s) of overlapping events reordered");
        Line(output, "mismatches", report.Mismatches);
        Line(output, "failures predicted", report.PredictedFailures);
        Line(output, "failures observed", report.ObservedFailures);
        Line(output, "unmaps of unseen maps", report.IgnoredUnmaps);

        output.WriteLine();
        output.WriteLine($"  {"device",-16} {"mappings",9} {"adopted",8} {"predicted",10} {"matched",8}");
        foreach (var device in report.Devices)
            output.WriteLine($"  {device.DeviceName,-16} {device.Mappings,9} {device.Adopted,8} {device.Predicted,10} {device.Matched,8}");

        DivergenceTextWriter.Write(report, pool, output);
        HangTextWriter.Write(report, hangs, output);

        if (validation.Warnings.Count > 0)
        {
            output.WriteLine();
            output.WriteLine("warnings:");
            foreach (var warning in validation.Warnings)
                output.WriteLine($"  {warning}");
        }

        output.WriteLine();
        var gaps = ReadingCompleteness.Gaps(reading, validation.Pairing).Count;
        output.WriteLine($"result: {Verdict(report, hangs)}{(gaps == 0 ? "" : $" — of what could be read: the capture has {gaps} gap(s), see 'reading'")}");
    }

    private static string Verdict(ValidationReport report, IReadOnlyList<UnreturnedDiagnosis> hangs)
    {
        var matched = report.AllMatch
            ? $"all {report.Predicted} predicted mappings match the kernel's answers"
            : $"{report.ExactMatches} of {report.Predicted} predicted mappings match the kernel's answers; {report.Mismatches} do not";
        var spinning = hangs.Count(h => h.Cause == UnreturnedCause.EndlessSearch);
        return hangs.Count == 0 ? matched
            : $"{matched}; {hangs.Count} never returned, {spinning} of them in an endless search";
    }

    private static void Line(TextWriter output, string label, long value, string? note = null) =>
        output.WriteLine($"  {label,-24} {value,8}{(note is null ? "" : $"  ({note})")}");

    private static string Percent(int part, int whole) =>
        whole == 0 ? "nothing predicted" : (100.0 * part / whole).ToString("0.00", CultureInfo.InvariantCulture) + "%";
}
