using System.Globalization;
using Swiotlb.Trace.Diff.Pool;
using Swiotlb.Trace.Replay.Pool;

namespace Swiotlb.Trace.Cli.Output.Tables;

/// <summary>The pool report's tables, formatted once for every format that draws tables.</summary>
public static class PoolTables
{
    public static ReportTable Holders(PoolObserver observer) => new(
        [new("device", false), new("size class", false), new("mappings"), new("slots"), new("share of the peak")],
        [.. observer.HoldersAtPeak.Select(s => (IReadOnlyList<string>)[s.DeviceName, s.SizeClass.ToString(), N(s.Mappings), N(s.Slots),
            PoolVerdict.Percent(s.Slots, observer.PeakUsedSlots)])]);

    public static ReportTable Failures(PoolObserver observer, int shown) => new(
        [new("time (s)"), new("CPU"), new("device", false), new("slots needed"), new("used"), new("free"), new("largest run"), new("cause", false)],
        [.. observer.Failures.Take(shown).Select(f => (IReadOnlyList<string>)[Figures.Seconds(f.TimeNs), N(f.Cpu), f.DeviceName, N(f.SlotsNeeded),
            N(f.UsedSlots), N(f.FreeSlots), N(f.LargestFreeRun), $"{PoolVerdict.Name(f.Cause)}: {PoolVerdict.Explain(f)}"])]);

    public static ReportTable Sweep(PoolAnalysis analysis) => new(
        [new("slots"), new("size", false), new("areas"), new("failures"), new("endless"), new("peak"), new("headroom"), new("fall-backs"), new("", false)],
        [.. analysis.Sweep.Select(p => (IReadOnlyList<string>)[N(p.Pool.Slots), p.Pool.Size, N(p.Pool.Areas), N(p.Failures), N(p.EndlessSearches),
            N(p.PeakUsedSlots), PoolVerdict.Percent(p.Pool.Slots - p.PeakUsedSlots, p.Pool.Slots), N(p.FallBacks),
            ReferenceEquals(p, analysis.Smallest) ? "smallest without failures" : ""])]);

    private static string N(long value) => value.ToString(CultureInfo.InvariantCulture);
}
