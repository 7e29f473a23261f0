using Swiotlb.Trace.Diff.Findings;

namespace Swiotlb.Trace.Cli.Output.Html;

/// <summary>In-page offsets kept and lost per bucket of one histogram (buffer offset or size class): a pair of bars per bucket.</summary>
public static class OffsetBarChart
{
    public static string Draw(string title, OffsetHistogram histogram, Func<ulong, string> bucketName)
    {
        var svg = new Svg(280, 190, title);
        var area = new PlotArea(40, 24, 276, 160);
        svg.Text(4, 14, title, cssClass: "label title");
        var buckets = histogram.Buckets.ToList();
        var top = Svg.NiceTop(buckets.Count == 0 ? 0 : buckets.Max(b => Math.Max(b.Value.Kept, b.Value.Lost)));
        svg.ValueAxis(area, top);
        var groupWidth = area.Width / Math.Max(1, buckets.Count);
        var barWidth = Math.Min(20, groupWidth * 0.4);
        foreach (var (bucket, index) in buckets.Select((bucket, index) => (bucket, index)))
        {
            var name = bucketName(bucket.Key);
            var middle = area.Left + groupWidth * (index + 0.5);
            Bar(svg, area, top, middle - barWidth, barWidth, bucket.Value.Kept, "kept", $"{name}: {bucket.Value.Kept} kept");
            Bar(svg, area, top, middle, barWidth, bucket.Value.Lost, "lost", $"{name}: {bucket.Value.Lost} lost");
            svg.Text(middle, area.Bottom + 16, name, "middle", "label tick");
        }
        return svg.ToString();
    }

    private static void Bar(Svg svg, PlotArea area, double top, double x, double width, long count, string cssClass, string tooltip)
    {
        var y = area.Y(count, top);
        svg.Rect(x, y, width, area.Bottom - y, cssClass, tooltip);
    }
}
