using System.Globalization;
using System.Text.RegularExpressions;
using Swiotlb.Trace.Diff.Findings;
using Swiotlb.Trace.Tests.Replaying;
using Swiotlb.Trace.Tests.Support;

namespace Swiotlb.Trace.Tests.Reports;

/// <summary><c>replay --html</c> on fio-mixed-6.1.0: a page that needs no network, and that Chromium renders with its plots.</summary>
public sealed partial class HtmlReportTests : IDisposable
{
    /// <summary>Appended to a copy of the page only: lists every plotted shape with the size Chromium laid it out at.</summary>
    private const string MeasuringScript = """
        <script>
        const shapes = [...document.querySelectorAll('svg polyline, svg rect')].map(e => {
          const box = e.getBoundingClientRect();
          return `${e.tagName} ${e.getAttribute('class') ?? ''} ${box.width.toFixed(1)} ${box.height.toFixed(1)}`;
        });
        const measured = document.createElement('pre');
        measured.id = 'measured';
        measured.textContent = shapes.join('\n');
        document.body.append(measured);
        const styled = [...document.querySelectorAll('svg polyline')].map(e => {
          const style = getComputedStyle(e);
          return `${style.stroke}|${style.strokeDasharray}`;
        });
        const lines = document.createElement('pre');
        lines.id = 'lines';
        lines.textContent = styled.join('\n');
        document.body.append(lines);
        const texts = [...document.querySelectorAll('svg')].flatMap((svg, chart) => [...svg.querySelectorAll('text')].map(t => {
          const b = t.getBoundingClientRect();
          return `${chart}|${b.left.toFixed(1)}|${b.top.toFixed(1)}|${b.right.toFixed(1)}|${b.bottom.toFixed(1)}|${t.textContent}`;
        }));
        const labels = document.createElement('pre');
        labels.id = 'labels';
        labels.textContent = texts.join('\n');
        document.body.append(labels);
        </script>
        """;

    private static readonly ReplaySummary Summary = ReplayRuns.Of("fio-mixed-6.1.0/trace.txt").Summary;
    private readonly string _dir = Directory.CreateTempSubdirectory("swiotrace-html-").FullName;

    [GeneratedRegex("<pre id=\"measured\">(.*?)</pre>", RegexOptions.Singleline)]
    private static partial Regex Measured();

    [GeneratedRegex("<pre id=\"lines\">(.*?)</pre>", RegexOptions.Singleline)]
    private static partial Regex LineStyles();

    [GeneratedRegex("<pre id=\"labels\">(.*?)</pre>", RegexOptions.Singleline)]
    private static partial Regex Labels();

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public void Page_is_self_contained_and_the_text_report_still_goes_to_standard_output()
    {
        var (code, output, html) = Render();

        Assert.Equal(1, code);
        Assert.StartsWith("FINDINGS:", output);
        Assert.StartsWith("<!DOCTYPE html>", html);
        foreach (var fetching in new[] { "<script", "<link", "<img", "<iframe", "src=", "url(", "@import" })
            Assert.DoesNotContain(fetching, html, StringComparison.OrdinalIgnoreCase);
        Assert.All(Regex.Matches(html, "https?://[^\"]*"), url => Assert.Equal("http://www.w3.org/2000/svg", url.Value));
        Assert.Equal(Summary.Models.Count, Regex.Count(html, "<polyline "));
        Assert.Equal(1 + 2 * OffsetPanels.Count(), Regex.Count(html, "<svg "));
        Assert.Contains("qid ", html);
    }

    [ChromiumFact]
    public void Chromium_lays_out_every_occupancy_line_and_every_non_empty_bar()
    {
        var shapes = Measured().Match(Chromium.DumpDom(MeasuredPage())).Groups[1].Value
            .Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(line => line.Split(' '))
            .Select(p => (Tag: p[0], Class: p[1], Width: double.Parse(p[2], CultureInfo.InvariantCulture), Height: double.Parse(p[3], CultureInfo.InvariantCulture)))
            .ToList();

        var lines = shapes.Where(s => s.Tag == "polyline").ToList();
        Assert.Equal(Summary.Models.Count, lines.Count);
        Assert.All(lines, line => Assert.True(line.Width > 600 && line.Height > 50, $"occupancy line laid out at {line.Width}×{line.Height}"));
        var bars = OffsetPanels.SelectMany(d => new[] { d.ByBufferOffset, d.BySizeClass }).SelectMany(h => h.Buckets.Values).ToList();
        Assert.Equal(bars.Count(b => b.Kept > 0), shapes.Count(s => s is { Class: "kept", Width: > 0, Height: > 0 }));
        Assert.Equal(bars.Count(b => b.Lost > 0), shapes.Count(s => s is { Class: "lost", Width: > 0, Height: > 0 }));
    }

    [ChromiumFact]
    public void Chromium_draws_each_models_line_in_its_own_colour_and_dash_and_no_axis_label_overlaps_another()
    {
        var dom = Chromium.DumpDom(MeasuredPage());

        var styles = LineStyles().Match(dom).Groups[1].Value.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(Summary.Models.Count, styles.Length);
        Assert.Equal(styles.Length, styles.Distinct().Count());
        Assert.Equal(styles.Length, styles.Select(s => s.Split('|')[0]).Distinct().Count());
        Assert.Equal(styles.Length, styles.Select(s => s.Split('|')[1]).Distinct().Count());

        var labels = System.Net.WebUtility.HtmlDecode(Labels().Match(dom).Groups[1].Value).Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(line => line.Split('|', 6))
            .Select(p => (Chart: p[0], Box: (L: D(p[1]), T: D(p[2]), R: D(p[3]), B: D(p[4])), Text: p[5]))
            .ToList();
        Assert.Contains(labels, l => l.Text == "seconds since the first mapping");
        Assert.Contains(labels, l => l.Text == "slots in use");
        foreach (var chart in labels.GroupBy(l => l.Chart))
        {
            var boxes = chart.ToList();
            for (var i = 0; i < boxes.Count; i++)
                for (var j = i + 1; j < boxes.Count; j++)
                    Assert.False(Overlap(boxes[i].Box, boxes[j].Box), $"chart {chart.Key}: '{boxes[i].Text}' overlaps '{boxes[j].Text}'");
        }
        // Ticks are round: a number of at most one decimal whose leading digit is 1, 2 or 5 times the step (0, 0.5, 1, 1.5 …).
        var numbers = labels.Where(l => double.TryParse(l.Text, NumberStyles.Float, CultureInfo.InvariantCulture, out _)).Select(l => l.Text).ToList();
        Assert.NotEmpty(numbers);
        Assert.All(numbers, n => Assert.Matches(@"^\d+(\.\d)?$", n));
    }

    private static double D(string text) => double.Parse(text, CultureInfo.InvariantCulture);

    private static bool Overlap((double L, double T, double R, double B) a, (double L, double T, double R, double B) b) =>
        a.L < b.R - 0.5 && b.L < a.R - 0.5 && a.T < b.B - 0.5 && b.T < a.B - 0.5;

    private string MeasuredPage()
    {
        var (_, _, html) = Render();
        var measuredPage = Path.Combine(_dir, "measured.html");
        File.WriteAllText(measuredPage, html.Replace("</body>", MeasuringScript + "</body>", StringComparison.Ordinal));
        return measuredPage;
    }

    [ChromiumFact]
    public void Screenshot_shows_a_page_not_a_blank()
    {
        Render();
        var png = Path.Combine(_dir, "page.png");

        Chromium.Screenshot(Path.Combine(_dir, "report.html"), png, 1280, 2000);

        var image = PngImage.Read(png);
        Assert.Equal((1280, 2000), (image.Width, image.Height));
        Assert.True(image.DistinctByteValues > 64, $"only {image.DistinctByteValues} distinct byte values: the page looks blank");
    }

    /// <summary>Device × model rows that get a panel of offset charts.</summary>
    private static IEnumerable<DeviceModelSummary> OffsetPanels => DeviceModelSummary.DistinctOffsetPanels(Summary.Devices).Select(p => p.Row);

    private (int Code, string Output, string Html) Render()
    {
        var path = Path.Combine(_dir, "report.html");
        var (code, output, _) = CliRun.Run("replay", Samples.Capture("fio-mixed-6.1.0/trace.txt"), "--html", path);
        return (code, output, File.ReadAllText(path));
    }
}
