using System.Text.Json;
using Swiotlb.Trace.Tests.Support;

namespace Swiotlb.Trace.Tests.Export;

/// <summary>An export into a fresh temporary directory, removed afterwards, plus the replay's own JSON report to check it against.</summary>
public sealed class ExportRun : IDisposable
{
    public string Directory { get; } = Path.Combine(Path.GetTempPath(), "swiotrace-export-" + Guid.NewGuid().ToString("N"));
    public (int ExitCode, string Output, string Error) Result { get; }

    public ExportRun(params string[] arguments) => Result = CliRun.Run(["export", .. arguments, "-o", Directory]);

    public string File(string name) => Path.Combine(Directory, name);

    /// <summary><c>swiotrace replay --format json</c> of the same capture, in-process.</summary>
    public static JsonElement ReplayJson(string capture, params string[] arguments)
    {
        var (_, output, error) = CliRun.Run(["replay", capture, "--format", "json", .. arguments]);
        Assert.True(output.Length > 0, error);
        return JsonDocument.Parse(output).RootElement;
    }

    public void Dispose()
    {
        if (System.IO.Directory.Exists(Directory))
            System.IO.Directory.Delete(Directory, recursive: true);
    }
}
