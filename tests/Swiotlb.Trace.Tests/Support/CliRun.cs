using Swiotlb.Trace.Cli;

namespace Swiotlb.Trace.Tests.Support;

/// <summary>Runs the swiotrace command line in-process and captures what it prints.</summary>
public static class CliRun
{
    public static (int ExitCode, string Output, string Error) Run(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var code = SwiotraceCommandLine.Run(args, output, error);
        return (code, output.ToString(), error.ToString());
    }

    /// <summary>A one-line error that names a place and carries no stack trace.</summary>
    public static void AssertCleanError(string error, string mustMention)
    {
        Assert.StartsWith("swiotrace: error: ", error);
        Assert.Contains(mustMention, error);
        Assert.DoesNotContain("   at ", error);
        Assert.Single(error.TrimEnd().Split('\n'));
    }
}
