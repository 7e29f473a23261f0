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
        </script>
        """;

    private static readonly ReplaySummary Summary = ReplayRuns.Of("fio-mixed-6.1.0/trace.txt").Summary;
    private readonly string _dir = Directory.CreateTempSubdirectory("swiotrace-html-").FullName;

    [GeneratedRegex("<pre id=\"measured\">(.*?)</pre>", RegexOptions.Singleline)]
    private static partial Regex Measured();

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
        var (_, _, html) = Render();
        var measuredPage = Path.Combine(_dir, "measured.html");
        File.WriteAllText(measuredPage, html.Replace("</body>", MeasuringScript + "</body>", StringComparison.Ordinal));

        var shapes = Measured().Match(Chromium.DumpDom(measuredPage)).Groups[1].Value
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
