using System.Net;
using Swiotlb.Trace.Cli.Output.Tables;
using Swiotlb.Trace.Diff.Pool;
using Swiotlb.Trace.Replay.Pool;

namespace Swiotlb.Trace.Cli.Output.Html;

/// <summary>
/// The <c>pool</c> report as one self-contained HTML page: the verdict, occupancy per area over time with failures marked
/// for the kernel's pool and each model's, the largest free run of every pool on one chart, the sweep's failure curve,
/// and the tables of who held the pool at its peak and why mappings failed.
/// </summary>
public static class PoolHtmlWriter
{
    private const int FailuresShown = 20;

    public static void Write(PoolAnalysis analysis, TextWriter output)
    {
        output.WriteLine("<!DOCTYPE html>");
        output.WriteLine("<html lang=\"en\"><head><meta charset=\"utf-8\">");
        output.WriteLine($"<title>swiotrace pool: {E(Path.GetFileName(analysis.Metadata.File))}</title>");
        output.WriteLine($"<style>{ReplayPageStyle.Css}</style></head><body>");
        output.WriteLine($"<h1>swiotrace pool: {E(analysis.Metadata.File)}</h1>");
        output.WriteLine($"<p class=\"verdict {(PoolVerdict.Failures(analysis) > 0 ? "findings" : "clean")}\">{E(PoolVerdict.Headline(analysis))}</p>");
        if (analysis.Warnings.Count > 0)
            output.WriteLine($"<ul class=\"warnings\">{string.Concat(analysis.Warnings.Select(w => $"<li>warning: {E(w)}</li>"))}</ul>");
        var pools = Pools(analysis).ToList();
        foreach (var (title, observer) in pools)
            WritePool(title, observer, output);
        output.WriteLine("<h2>Largest free run over time</h2>");
        output.WriteLine("<p class=\"note\">The longest run of free slots anywhere in the pool (each bucket keeps its lowest): a request needing more slots than this fails, however many slots are free.</p>");
        output.WriteLine($"<figure>{StepChart.Draw("Largest free run over time", "slots", [.. pools.Select((pool, i) => new StepLine(
            $"{pool.Title}: at least {pool.Observer.LargestFreeRun.Extreme} slots", pool.Observer.LargestFreeRun.Points, StepChart.Colors[i % StepChart.Colors.Length], i > 0))],
            top: Replay.Allocator.Slots.SegmentSlots)}" +
            $"<figcaption>{Legend(pools.Select((pool, i) => (pool.Title, StepChart.Colors[i % StepChart.Colors.Length])))}</figcaption></figure>");
        if (analysis.Sweep.Count > 0)
        {
            output.WriteLine($"<h2>What-if sweep ({E(analysis.SweepModel)})</h2>");
            output.WriteLine($"<figure>{SweepChart.Draw(analysis)}<figcaption>{Legend(SweepChart.Legend(analysis).Select(l => ($"{l.Areas} area(s)", l.Color)))}</figcaption></figure>");
            HtmlTableWriter.Write(PoolTables.Sweep(analysis), output);
            output.WriteLine($"<p class=\"note\">{E(analysis.Smallest is null ? "No pool swept replays the capture without failures." : $"Recommended kernel argument: {analysis.RecommendedArgument}.")} " +
                             "A replay keeps the captured order and timing of requests; a real kernel under another pool would also change timing (drivers retry or requeue failed mappings), so leave headroom.</p>");
        }
        output.WriteLine("</body></html>");
    }

    private static IEnumerable<(string Title, PoolObserver Observer)> Pools(PoolAnalysis analysis)
    {
        if (analysis.Observed is { } observed)
            yield return ($"the kernel ({observed.Model}, rebuilt from its answers)", observed.Observer);
        foreach (var model in analysis.Models)
            yield return ($"{model.Model.Name} on its own", model.Observer);
    }

    private static void WritePool(string title, PoolObserver observer, TextWriter output)
    {
        output.WriteLine($"<h2>Occupancy per area: {E(title)}</h2>");
        output.WriteLine($"<p class=\"note\">peak {observer.PeakUsedSlots} of {observer.Geometry.SlotCount} slots at {Figures.Seconds(observer.PeakTimeNs)} s; " +
                         $"{observer.FailureCount} failure(s){(observer.FailureCount > 0 ? $" ({E(PoolVerdict.Causes(observer))}), marked in red" : "")}; " +
                         $"{observer.FallBacks} area fall-back(s)</p>");
        var lines = observer.AreaUsedSlots.Select((series, area) => new StepLine($"area {area}: peak {series.Extreme} of {observer.Geometry.AreaSlotCount}",
            series.Points, StepChart.Colors[area % StepChart.Colors.Length], area > 0)).ToList();
        var marks = observer.Failures.Select(f => (f.TimeNs, $"{Figures.Seconds(f.TimeNs)} s CPU {f.Cpu} {f.DeviceName}: {PoolVerdict.Name(f.Cause)}: {PoolVerdict.Explain(f)}")).ToList();
        output.WriteLine($"<figure>{StepChart.Draw($"Slots in use per area: {title}", "slots in use", lines, marks, observer.Geometry.AreaSlotCount)}" +
                         $"<figcaption>{Legend(lines.Select(l => (l.Label, l.Color)))}</figcaption></figure>");
        output.WriteLine("<h3>Held at the peak</h3>");
        HtmlTableWriter.Write(PoolTables.Holders(observer), output);
        if (observer.FailureCount > 0)
        {
            output.WriteLine($"<h3>Failures (the first {Math.Min(FailuresShown, observer.FailureCount)} of {observer.FailureCount})</h3>");
            HtmlTableWriter.Write(PoolTables.Failures(observer, FailuresShown), output);
        }
    }

    private static string Legend(IEnumerable<(string Label, string Color)> entries) => string.Join(" ", entries.Select(e =>
        $"<span class=\"swatch\" style=\"background:{e.Color}\"></span>{E(e.Label)}"));

    private static string E(string text) => WebUtility.HtmlEncode(text);
}
