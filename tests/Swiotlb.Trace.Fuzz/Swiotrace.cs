using System.Runtime.InteropServices;

namespace Swiotlb.Trace.Fuzz;

/// <summary>
/// The swiotrace CLI a mutant runs as: <c>swiotrace.dll</c> beside this assembly (the ProjectReference on cli/ builds it
/// in the same configuration and copies it, with its deps.json and runtimeconfig.json, into the fuzz harness's output
/// and into the test project's), run by the <c>dotnet</c> host of the runtime this process runs on.
/// </summary>
public static class Swiotrace
{
    public static string Assembly { get; } = FindAssembly();

    public static string Dotnet { get; } = FindDotnet();

    private static string FindAssembly()
    {
        var here = typeof(Swiotrace).Assembly.Location is { Length: > 0 } location ? Path.GetDirectoryName(location)! : AppContext.BaseDirectory;
        var assembly = Path.Combine(here, "swiotrace.dll");
        if (!File.Exists(assembly) || !File.Exists(Path.ChangeExtension(assembly, ".runtimeconfig.json")))
            throw new InvalidOperationException($"{assembly} (and its runtimeconfig.json) not found: build the project that references cli/Swiotlb.Trace.Cli.csproj");
        return assembly;
    }

    /// <summary>The host running this process when it is <c>dotnet</c> (a test host), else the one at the root of the
    /// installation whose runtime this is (shared/Microsoft.NETCore.App/VERSION/ is three levels below it).</summary>
    private static string FindDotnet()
    {
        if (Environment.ProcessPath is { } host && Path.GetFileName(host) == "dotnet")
            return host;
        var root = Path.GetFullPath(Path.Combine(RuntimeEnvironment.GetRuntimeDirectory(), "..", "..", ".."));
        var dotnet = Path.Combine(root, "dotnet");
        return File.Exists(dotnet) ? dotnet : throw new InvalidOperationException($"no dotnet host at {root}, the root of the running runtime");
    }
}
