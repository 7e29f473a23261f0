using System.Globalization;
using Swiotlb.Trace.Replay.Simulation;

namespace Swiotlb.Trace.Cli.Output.Html;

/// <summary>One line of a <see cref="StepChart"/>: a bucketed series, its colour, and whether it is dashed (lines after
/// the first are, so that lines which coincide stay visible).</summary>
public sealed record StepLine(string Label, IReadOnlyList<SeriesPoint> Points, string Color, bool Dashed);

/// <summary>Values over time as step lines (each bucket's value held until the next bucket starts) against seconds since
/// the first point, with optional marks (failures) along the time axis.</summary>
public static class StepChart
{
    public static readonly string[] Colors = ["#1f77b4", "#d95f02", "#7570b3", "#1b9e77", "#e7298a", "#66a61e", "#e6ab02", "#a6761d"];

    public static string Draw(string title, string valueLabel, IReadOnlyList<StepLine> lines, IReadOnlyList<(long TimeNs, string Tooltip)>? marks = null, double? top = null)
    {
        var svg = new Svg(760, 280, title);
        var area = new PlotArea(64, 24, 740, 236);
        var points = lines.SelectMany(l => l.Points).ToList();
        if (points.Count == 0)
            return svg.Text(area.Left, area.Top + 20, "no mappings were replayed").ToString();
        var start = points.Min(p => p.StartNs);
        var span = Math.Max(1, points.Max(p => p.StartNs) - start);
        var axisTop = top ?? Svg.NiceTop(points.Max(p => p.Value));
        svg.ValueAxis(area, axisTop)
            .Text(4, area.Top - 10, valueLabel)
            .Text(area.Left + area.Width / 2, area.Bottom + 36, "seconds since the first mapping", "middle");
        foreach (var (ns, label) in TimeTicks(span))
            svg.Text(area.Left + area.Width * ns / span, area.Bottom + 16, label, "middle");
        foreach (var line in lines)
            svg.Polyline(Steps(line.Points, area, start, span, axisTop), line.Color, line.Dashed, line.Label);
        foreach (var (timeNs, tooltip) in marks ?? [])
        {
            var x = area.Left + (double)(Math.Clamp(timeNs, start, start + span) - start) / span * area.Width;
            svg.Rect(x - 1.5, area.Top, 3, area.Height, "mark", tooltip);
        }
        return svg.ToString();
    }

    /// <summary>Ticks at round numbers of seconds (1, 2 or 5 × 10ⁿ), at most six.</summary>
    private static IEnumerable<(long Ns, string Label)> TimeTicks(long spanNs)
    {
        var seconds = spanNs / 1e9;
        var step = Math.Pow(10, Math.Floor(Math.Log10(Math.Max(seconds, 1e-9) / 5)));
        step = new[] { 1.0, 2, 5, 10 }.Select(m => m * step).First(s => seconds / s <= 5);
        for (var tick = 0.0; tick <= seconds + step * 1e-9; tick += step)
            yield return ((long)(tick * 1e9), tick.ToString("0.###", CultureInfo.InvariantCulture));
    }

    private static IEnumerable<(double X, double Y)> Steps(IReadOnlyList<SeriesPoint> points, PlotArea area, long start, long span, double top)
    {
        double X(long ns) => area.Left + (double)(ns - start) / span * area.Width;
        for (var i = 0; i < points.Count; i++)
        {
            var y = area.Y(points[i].Value, top);
            yield return (X(points[i].StartNs), y);
            yield return (i + 1 < points.Count ? X(points[i + 1].StartNs) : area.Right, y);
        }
    }
}
