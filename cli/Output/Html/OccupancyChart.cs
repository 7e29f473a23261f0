using Swiotlb.Trace.Diff.Replaying;
using Swiotlb.Trace.Replay.Simulation;

namespace Swiotlb.Trace.Cli.Output.Html;

/// <summary>Pool occupancy over time: one line per model, slots in use against seconds since the first mapping.</summary>
public static class OccupancyChart
{
    public static readonly string[] ModelColors = ["#1f77b4", "#d95f02", "#7570b3", "#1b9e77", "#e7298a"];

    public static string Draw(CaptureReplay replay)
    {
        var runs = replay.Summary.Runs;
        var svg = new Svg(760, 280, "Pool occupancy over time per model");
        var area = new PlotArea(64, 24, 740, 236);
        var points = runs.SelectMany(r => r.Occupancy.Points).ToList();
        if (points.Count == 0)
            return svg.Text(area.Left, area.Top + 20, "no mappings were replayed").ToString();
        var start = points.Min(p => p.StartNs);
        var span = Math.Max(1, points.Max(p => p.StartNs) - start);
        var top = Svg.NiceTop(runs.Max(r => r.Occupancy.PeakUsedSlots));
        svg.ValueAxis(area, top)
            .Text(4, area.Top - 10, "slots in use")
            .Text(area.Left + area.Width / 2, area.Bottom + 36, "seconds since the first mapping", "middle");
        for (var quarter = 0; quarter <= 4; quarter++)
            svg.Text(area.Left + area.Width * quarter / 4, area.Bottom + 16,
                (span * quarter / 4 / 1e9).ToString("0.###", System.Globalization.CultureInfo.InvariantCulture), "middle");
        // Later models dashed, so that lines which coincide stay visible.
        foreach (var (run, index) in runs.Select((run, index) => (run, index)))
            svg.Polyline(Steps(run.Occupancy.Points, area, start, span, top), ModelColors[index % ModelColors.Length], index > 0,
                $"{run.Name}: peak {run.Occupancy.PeakUsedSlots} of {replay.Models[index].Pool.Geometry.SlotCount} slots");
        return svg.ToString();
    }

    /// <summary>Each bucket's peak held until the next bucket starts, so a lone bucket still draws a line.</summary>
    private static IEnumerable<(double X, double Y)> Steps(IReadOnlyList<OccupancyPoint> points, PlotArea area, long start, long span, double top)
    {
        double X(long ns) => area.Left + (double)(ns - start) / span * area.Width;
        for (var i = 0; i < points.Count; i++)
        {
            var y = area.Y(points[i].PeakUsedSlots, top);
            yield return (X(points[i].StartNs), y);
            yield return (i + 1 < points.Count ? X(points[i + 1].StartNs) : area.Right, y);
        }
    }
}
