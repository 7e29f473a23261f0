using Swiotlb.Trace.Tests.Support;

namespace Swiotlb.Trace.Tests.TraceDat;

/// <summary>The peer: runs the installed <c>trace-cmd</c>.</summary>
internal static class TraceCmd
{
    public const string NotInstalled = "trace-cmd is not installed (apt-get install trace-cmd); the comparison with the peer cannot run";

    public static bool IsInstalled { get; } = File.Exists("/usr/bin/trace-cmd") || File.Exists("/usr/local/bin/trace-cmd");

    /// <summary>Runs <c>trace-cmd ARGS</c> and returns its standard output; fails the test on a non-zero exit.</summary>
    public static string Run(params string[] arguments)
    {
        var (exit, output, errors) = ExternalProgram.Run("trace-cmd", arguments);
        Assert.True(exit == 0, $"trace-cmd {string.Join(' ', arguments)} exited {exit}: {errors}");
        return output;
    }

    /// <summary>The events of <c>trace-cmd report -t FILE</c>.</summary>
    public static IReadOnlyList<ReportLine> Report(string file) =>
        Run("report", "-t", file).Split('\n').Select(ReportLine.TryParse).OfType<ReportLine>().ToList();
}

/// <summary>A fact that skips, saying why, when trace-cmd is not installed.</summary>
public sealed class TraceCmdFactAttribute : FactAttribute
{
    public TraceCmdFactAttribute()
    {
        if (!TraceCmd.IsInstalled)
        {
            Skip = TraceCmd.NotInstalled;
        }
    }
}

/// <summary>A theory that skips, saying why, when trace-cmd is not installed.</summary>
public sealed class TraceCmdTheoryAttribute : TheoryAttribute
{
    public TraceCmdTheoryAttribute()
    {
        if (!TraceCmd.IsInstalled)
        {
            Skip = TraceCmd.NotInstalled;
        }
    }
}
