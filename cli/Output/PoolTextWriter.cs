using Swiotlb.Trace.Cli.Output.Tables;
using Swiotlb.Trace.Diff.Pool;
using Swiotlb.Trace.Replay.Allocator;
using Swiotlb.Trace.Replay.Pool;

namespace Swiotlb.Trace.Cli.Output;

/// <summary>The <c>pool</c> report as text: the verdict, then the kernel's pool, each model's, and the sweep.</summary>
public static class PoolTextWriter
{
    /// <summary>Failures listed one per line for each pool; the rest are counted by cause.</summary>
    public const int FailuresShown = 10;

    public static void Write(PoolAnalysis analysis, TextWriter output)
    {
        output.WriteLine($"result:   {PoolVerdict.Headline(analysis)}");
        output.WriteLine($"capture:  {analysis.Metadata.File}");
        output.WriteLine($"reading:  {analysis.Reading.EventsRead} events, {analysis.Reading.WarningCount} warning(s){(analysis.Reading.Truncated ? "; truncated: what could be read" : "")}");
        StatisticsOutput.WriteText("  stats:  ", analysis.Reading.Values(), output);
        if (analysis.Observed is { } observed)
        {
            output.WriteLine();
            output.WriteLine($"the kernel's pool, rebuilt from its answers ({observed.Model}): {Geometry(observed.Pool.Geometry)}");
            var report = observed.Reconstruction;
            output.WriteLine($"  reconstruction   {report.ExactMatches} of {report.Predicted} predicted mappings matched the kernel's answers" +
                             $" ({report.PreexistingMappings} preexisting reserved, {report.Adopted} adopted)");
            WriteHiwater(observed.Observer, analysis.Debugfs, output);
            WritePool(observed.Observer, output);
            if (observed.BlockedBehindEndlessSearch > 0)
                output.WriteLine($"  never returned   {observed.BlockedBehindEndlessSearch} more mapping(s) waited for an area lock an endless search held");
        }
        foreach (var model in analysis.Models)
        {
            output.WriteLine();
            output.WriteLine($"model {model.Model.Name} on its own ({model.Model.Reason}): {Geometry(model.Observer.Geometry)}");
            output.WriteLine($"  high-water       {Peak(model.Observer)}");
            WritePool(model.Observer, output);
        }
        WriteSweep(analysis, output);
        if (analysis.Warnings.Count > 0)
        {
            output.WriteLine();
            output.WriteLine("warnings:");
            foreach (var warning in analysis.Warnings)
                output.WriteLine($"  {warning}");
        }
    }

    private static void WriteHiwater(PoolObserver observer, Swiotlb.Trace.Capture.SwiotlbCounters? debugfs, TextWriter output)
    {
        var check = debugfs?.UsedHiwater is { } hiwater
            ? hiwater == observer.PeakUsedSlots ? $"; io_tlb_used_hiwater {hiwater}: equal" : $"; io_tlb_used_hiwater {hiwater}: differs by {observer.PeakUsedSlots - hiwater}"
            : "";
        output.WriteLine($"  high-water       {Peak(observer)}{check}");
    }

    private static string Peak(PoolObserver observer) =>
        $"{observer.PeakUsedSlots} of {observer.Geometry.SlotCount} slots ({PoolVerdict.Percent(observer.PeakUsedSlots, observer.Geometry.SlotCount)}) " +
        $"at {Figures.Seconds(observer.PeakTimeNs)} s";

    private static void WritePool(PoolObserver observer, TextWriter output)
    {
        output.WriteLine($"  per area peak    {string.Join(", ", observer.AreaUsedSlots.Select((series, area) => $"area {area} {series.Extreme} of {observer.Geometry.AreaSlotCount}"))}");
        output.WriteLine($"  live mappings    at most {observer.LiveMappings.Extreme}");
        output.WriteLine($"  largest free run at least {observer.LargestFreeRun.Extreme} slots at every moment (a segment is {Slots.SegmentSlots})");
        if (observer.Geometry.AreaCount > 1)
            output.WriteLine($"  area fall-backs  {observer.FallBacks} of {observer.Mappings} mappings served by another area than their CPU's" +
                             (observer.FallBacks > 0 ? $" ({string.Join(", ", observer.FallBacksFrom.Select((n, area) => $"from area {area}: {n}"))})" : ""));
        output.WriteLine("  held at the peak");
        foreach (var share in observer.HoldersAtPeak)
            output.WriteLine($"    {share.DeviceName,-16} {share.SizeClass,-26} {share.Mappings,6} mappings {share.Slots,7} slots");
        output.WriteLine($"  failures         {(observer.FailureCount == 0 ? "none" : $"{observer.FailureCount}: {PoolVerdict.Causes(observer)}")}");
        foreach (var failure in observer.Failures.Take(FailuresShown))
            output.WriteLine($"    {Figures.Seconds(failure.TimeNs)} s  CPU {failure.Cpu}  {failure.DeviceName}  {failure.SlotsNeeded} slots, " +
                             $"{failure.UsedSlots} of {observer.Geometry.SlotCount} used: {PoolVerdict.Name(failure.Cause)}: {PoolVerdict.Explain(failure)}");
        if (observer.FailureCount > FailuresShown)
            output.WriteLine($"    … {observer.FailureCount - FailuresShown} more");
    }

    private static void WriteSweep(PoolAnalysis analysis, TextWriter output)
    {
        if (analysis.Sweep.Count == 0)
            return;
        output.WriteLine();
        output.WriteLine($"what-if sweep: the capture replayed through {analysis.SweepModel} under {analysis.Sweep.Count} pools, side by side in one pass");
        TextTableWriter.Write(PoolTables.Sweep(analysis), output);
        output.WriteLine(analysis.Smallest is { } smallest
            ? $"  recommend {analysis.RecommendedArgument}: {smallest.Pool}, headroom at its peak {PoolVerdict.Percent(smallest.Pool.Slots - smallest.PeakUsedSlots, smallest.Pool.Slots)}"
            : "  no pool swept replays the capture without failures");
        output.WriteLine("  A replay keeps the captured order and timing of requests; a real kernel under another pool would also change timing");
        output.WriteLine("  (drivers retry or requeue failed mappings), so leave headroom beyond the smallest pool.");
    }

    private static string Geometry(PoolGeometry geometry) =>
        $"0x{geometry.StartAddress:x}, {geometry.SlotCount} slots ({Figures.Size((ulong)geometry.SlotCount << Slots.Shift)}), " +
        $"{geometry.AreaCount} area(s) of {geometry.AreaSlotCount} slots";
}
