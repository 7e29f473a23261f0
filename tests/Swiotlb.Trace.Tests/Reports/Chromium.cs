using System.Diagnostics;

namespace Swiotlb.Trace.Tests.Reports;

/// <summary>Headless Chromium (Debian's <c>chromium</c> package, which .ci/run installs), run without network, sync or a profile.</summary>
public static class Chromium
{
    public const string Path = "/usr/bin/chromium";

    private static readonly string[] QuietFlags =
    [
        "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
        "--disable-component-update", "--disable-sync",
    ];

    /// <summary>The page's DOM after it loaded and its scripts ran.</summary>
    public static string DumpDom(string htmlPath) => Run(["--dump-dom", new Uri(htmlPath).AbsoluteUri]);

    public static void Screenshot(string htmlPath, string pngPath, int width, int height) =>
        Run([$"--screenshot={pngPath}", $"--window-size={width},{height}", new Uri(htmlPath).AbsoluteUri]);

    private static string Run(IEnumerable<string> arguments)
    {
        var profile = Directory.CreateTempSubdirectory("swiotrace-chromium-");
        try
        {
            var start = new ProcessStartInfo(Path) { RedirectStandardOutput = true, RedirectStandardError = true };
            foreach (var argument in QuietFlags.Append($"--user-data-dir={profile.FullName}").Concat(arguments))
                start.ArgumentList.Add(argument);
            using var process = Process.Start(start)!;
            var error = process.StandardError.ReadToEndAsync();
            var output = process.StandardOutput.ReadToEnd();
            if (!process.WaitForExit(TimeSpan.FromSeconds(60)))
            {
                process.Kill(entireProcessTree: true);
                throw new TimeoutException("chromium did not finish within 60 s");
            }
            Assert.True(process.ExitCode == 0, $"chromium exited {process.ExitCode}: {error.Result}");
            return output;
        }
        finally
        {
            profile.Delete(recursive: true);
        }
    }
}

/// <summary>A fact that is skipped, saying why, where Chromium is not installed (CI installs it).</summary>
public sealed class ChromiumFactAttribute : FactAttribute
{
    public ChromiumFactAttribute()
    {
        if (!File.Exists(Chromium.Path))
            Skip = $"{Chromium.Path} is missing: install Debian's chromium package (.ci/run does) to render the HTML report";
    }
}
