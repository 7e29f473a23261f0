using System.Globalization;
using System.Net;
using System.Text;

namespace Swiotlb.Trace.Cli.Output.Html;

/// <summary>A small inline SVG drawing: lines, rectangles, polylines and text in pixel coordinates, plus axis ticks.</summary>
public sealed class Svg(int width, int height, string title)
{
    private readonly StringBuilder _body = new();

    public int Width => width;
    public int Height => height;

    public Svg Line(double x1, double y1, double x2, double y2, string cssClass) =>
        Append($"<line class=\"{cssClass}\" x1=\"{N(x1)}\" y1=\"{N(y1)}\" x2=\"{N(x2)}\" y2=\"{N(y2)}\"/>");

    public Svg Rect(double x, double y, double w, double h, string cssClass, string tooltip) =>
        Append($"<rect class=\"{cssClass}\" x=\"{N(x)}\" y=\"{N(y)}\" width=\"{N(w)}\" height=\"{N(h)}\"><title>{E(tooltip)}</title></rect>");

    public Svg Polyline(IEnumerable<(double X, double Y)> points, string color, bool dashed, string tooltip) =>
        Append($"<polyline fill=\"none\" stroke=\"{color}\" stroke-width=\"1.5\"{(dashed ? " stroke-dasharray=\"5 3\"" : "")} points=\"{string.Join(' ', points.Select(p => $"{N(p.X)},{N(p.Y)}"))}\">" +
               $"<title>{E(tooltip)}</title></polyline>");

    public Svg Text(double x, double y, string text, string anchor = "start", string cssClass = "label") =>
        Append($"<text class=\"{cssClass}\" x=\"{N(x)}\" y=\"{N(y)}\" text-anchor=\"{anchor}\">{E(text)}</text>");

    /// <summary>A value axis from 0 to <paramref name="top"/> along the left edge of a plot area, with gridlines and labels.</summary>
    public Svg ValueAxis(PlotArea area, double top)
    {
        foreach (var tick in Ticks(top))
        {
            var y = area.Y(tick, top);
            Line(area.Left, y, area.Right, y, "grid");
            Text(area.Left - 6, y + 4, tick.ToString("0.##", CultureInfo.InvariantCulture), "end");
        }
        return Line(area.Left, area.Bottom, area.Right, area.Bottom, "axis");
    }

    public override string ToString() =>
        $"<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{width}\" height=\"{height}\" viewBox=\"0 0 {width} {height}\" role=\"img\">" +
        $"<title>{E(title)}</title>{_body}</svg>";

    /// <summary>The top of a value axis for counts up to <paramref name="max"/>: a whole number of 1, 2 or 5 × 10ⁿ steps, at most five.</summary>
    public static double NiceTop(double max) => max <= 0 ? 1 : Ticks(max).Last();

    private static IEnumerable<double> Ticks(double max)
    {
        var magnitude = Math.Max(1, Math.Pow(10, Math.Floor(Math.Log10(Math.Max(max, 1) / 5))));
        var step = new[] { 1.0, 2, 5, 10 }.Select(m => m * magnitude).First(s => max / s <= 5);
        for (var tick = 0.0; tick < max + step; tick += step)
        {
            yield return tick;
            if (tick >= max)
                yield break;
        }
    }

    private Svg Append(string element)
    {
        _body.Append(element);
        return this;
    }

    private static string N(double value) => value.ToString("0.#", CultureInfo.InvariantCulture);

    private static string E(string text) => WebUtility.HtmlEncode(text);
}

/// <summary>The rectangle inside a chart where data is drawn, and how values map onto it.</summary>
public sealed record PlotArea(double Left, double Top, double Right, double Bottom)
{
    public double Width => Right - Left;
    public double Height => Bottom - Top;

    /// <summary>The y pixel of <paramref name="value"/> on an axis from 0 (bottom) to <paramref name="top"/>.</summary>
    public double Y(double value, double top) => Bottom - value / top * Height;
}
