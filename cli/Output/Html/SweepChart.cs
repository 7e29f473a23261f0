using Swiotlb.Trace.Diff.Pool;

namespace Swiotlb.Trace.Cli.Output.Html;

/// <summary>The what-if sweep's failure curve: failed mappings against pool size (doubling at each step), one line per
/// area count, the smallest pool without failures ringed.</summary>
public static class SweepChart
{
    public static string Draw(PoolAnalysis analysis)
    {
        var svg = new Svg(760, 280, $"Failed mappings against pool size ({analysis.SweepModel})");
        var area = new PlotArea(64, 24, 740, 236);
        var sizes = analysis.Sweep.Select(p => p.Pool.Slots).Distinct().Order().ToList();
        if (sizes.Count == 0)
            return svg.Text(area.Left, area.Top + 20, "no sweep was run").ToString();
        var top = Svg.NiceTop(analysis.Sweep.Max(p => p.Failures));
        double X(int slots) => sizes.Count == 1 ? area.Left + area.Width / 2 : area.Left + area.Width * sizes.IndexOf(slots) / (sizes.Count - 1);
        svg.ValueAxis(area, top)
            .Text(4, area.Top - 10, "failed mappings")
            .Text(area.Left + area.Width / 2, area.Bottom + 36, "pool size (slots)", "middle");
        foreach (var slots in sizes)
            svg.Text(X(slots), area.Bottom + 16, slots.ToString(System.Globalization.CultureInfo.InvariantCulture), "middle");
        foreach (var (byAreas, index) in analysis.Sweep.GroupBy(p => p.Pool.Areas).Select((g, i) => (g, i)))
        {
            var color = StepChart.Colors[index % StepChart.Colors.Length];
            var points = byAreas.OrderBy(p => p.Pool.Slots).ToList();
            svg.Polyline(points.Select(p => (X(p.Pool.Slots), area.Y(p.Failures, top))), color, index > 0,
                $"{byAreas.Key} area(s): {string.Join(", ", points.Select(p => $"{p.Pool.Slots} slots → {p.Failures}"))}");
            foreach (var point in points)
                svg.Rect(X(point.Pool.Slots) - 3, area.Y(point.Failures, top) - 3, 6, 6, "dot", $"{point.Pool}: {point.Failures} failed, peak {point.PeakUsedSlots}");
        }
        if (analysis.Smallest is { } smallest)
            svg.Rect(X(smallest.Pool.Slots) - 6, area.Y(0, top) - 6, 12, 12, "chosen", $"smallest without failures: {smallest.Pool} ({analysis.RecommendedArgument})");
        return svg.ToString();
    }

    /// <summary>The colour of each area count's line, as <see cref="Draw"/> gives them.</summary>
    public static IEnumerable<(int Areas, string Color)> Legend(PoolAnalysis analysis) =>
        analysis.Sweep.Select(p => p.Pool.Areas).Distinct().Select((areas, i) => (areas, StepChart.Colors[i % StepChart.Colors.Length]));
}
