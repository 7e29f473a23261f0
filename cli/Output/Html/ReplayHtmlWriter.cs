using System.Net;
using Swiotlb.Trace.Cli.Output.Tables;
using Swiotlb.Trace.Diff.Findings;
using Swiotlb.Trace.Diff.Findings.Rules;
using Swiotlb.Trace.Diff.Replaying;

namespace Swiotlb.Trace.Cli.Output.Html;

/// <summary>
/// The <c>replay</c> report as one self-contained HTML page (inline CSS and SVG, no scripts, nothing fetched): the verdict
/// and facts, pool occupancy per model, offsets kept and lost per device × model, the tables and the first findings.
/// </summary>
public static class ReplayHtmlWriter
{
    private const int FindingsShown = 10;

    public static void Write(CaptureReplay replay, IReadOnlySet<FindingRule> failOn, ExitCode exit, TextWriter output)
    {
        var summary = replay.Summary;
        output.WriteLine("<!DOCTYPE html>");
        output.WriteLine("<html lang=\"en\"><head><meta charset=\"utf-8\">");
        output.WriteLine($"<title>swiotrace replay: {E(Path.GetFileName(replay.Metadata.File))}</title>");
        output.WriteLine($"<style>{ReplayPageStyle.Css}</style></head><body>");
        output.WriteLine($"<h1>swiotrace replay: {E(replay.Metadata.File)}</h1>");
        if (ReplayVerdict.ObservedBreakage(summary) is { } observed)
            output.WriteLine($"<p class=\"verdict findings\">{E(observed)}</p>");
        output.WriteLine($"<p class=\"verdict {(exit == ExitCode.Findings ? "findings" : "clean")}\">{ReplayVerdict.Headline(exit)}: {E(ReplayVerdict.Counts(summary, failOn))}</p>");
        output.WriteLine("<dl class=\"facts\">");
        foreach (var fact in ReplayFacts.Of(replay))
            output.WriteLine($"<dt>{E(fact.Label)}</dt><dd>{E(fact.Value)}</dd>");
        output.WriteLine("</dl>");
        WriteWarnings(replay, output);
        output.WriteLine("<h2>Pool occupancy</h2>");
        output.WriteLine($"<figure class=\"occupancy\">{OccupancyChart.Draw(replay)}<figcaption>{Legend(replay)}</figcaption></figure>");
        WriteOffsetCharts(replay, output);
        output.WriteLine("<h2>Devices under each model</h2>");
        HtmlTableWriter.Write(ReplayTables.Devices(summary, device => DeviceNames.Label(replay, device)), output);
        output.WriteLine($"<p class=\"note\">{E(ReplayTables.DeviceLegend)}</p>");
        HtmlTableWriter.Write(ReplayTables.Pool(replay), output);
        output.WriteLine($"<h2>Findings (the first {FindingsShown} of each model and check)</h2>");
        HtmlTableWriter.Write(ReplayTables.Findings(summary, FindingsShown), output);
        output.WriteLine("</body></html>");
    }

    private static void WriteOffsetCharts(CaptureReplay replay, TextWriter output)
    {
        var summary = replay.Summary;
        output.WriteLine("<h2>In-page offsets kept and lost</h2>");
        output.WriteLine("<p class=\"note\"><span class=\"swatch kept\"></span>kept <span class=\"swatch lost\"></span>lost, " +
                         "counting mappings whose buffer does not start on a page boundary</p>");
        output.WriteLine("<div class=\"panels\">");
        foreach (var (row, models) in DeviceModelSummary.DistinctOffsetPanels(summary.Devices))
        {
            output.WriteLine($"<section class=\"panel\"><h3>{E(DeviceNames.Label(replay, row.Device))} under {E(string.Join(", ", models))}: {row.OffsetsLost} of {row.WithPageOffset} lost</h3>");
            output.WriteLine(OffsetBarChart.Draw("by buffer offset in its page (bytes)", row.ByBufferOffset, b => b.ToString(System.Globalization.CultureInfo.InvariantCulture)));
            output.WriteLine(OffsetBarChart.Draw("by mapping size (up to)", row.BySizeClass, Sizes.Short));
            output.WriteLine("</section>");
        }
        output.WriteLine("</div>");
    }

    private static string Legend(CaptureReplay replay) => string.Join(" ", replay.ModelRuns.Select((pair, i) =>
        $"<span class=\"swatch\" style=\"background:{OccupancyChart.ModelColors[i % OccupancyChart.ModelColors.Length]}\"></span>" +
        $"{E(pair.Run.Name)}: peak {pair.Run.Occupancy.Extreme} of {pair.Model.Pool.Geometry.SlotCount} slots"));

    private static void WriteWarnings(CaptureReplay replay, TextWriter output)
    {
        var warnings = ReplayFacts.Warnings(replay).ToList();
        if (warnings.Count == 0)
            return;
        output.WriteLine("<ul class=\"warnings\">");
        foreach (var warning in warnings)
            output.WriteLine($"<li>warning: {E(warning)}</li>");
        output.WriteLine("</ul>");
    }

    private static string E(string text) => WebUtility.HtmlEncode(text);
}
