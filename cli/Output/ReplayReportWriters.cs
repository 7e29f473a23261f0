using Swiotlb.Trace.Diff.Findings;
using Swiotlb.Trace.Diff.Findings.Rules;
using Swiotlb.Trace.Diff.Replaying;

namespace Swiotlb.Trace.Cli.Output;

/// <summary>The <c>replay</c> report in each <c>--format</c>.</summary>
public static class ReplayReportWriters
{
    public static readonly string[] Formats = ["text", "json", "markdown", "junit"];

    public static void Write(string format, CaptureReplay replay, IReadOnlySet<FindingRule> failOn, ExitCode exit, TextWriter output,
        TerminalStyle? style = null, bool verbose = false)
    {
        switch (format)
        {
            case "markdown":
                ReplayMarkdownWriter.Write(replay, failOn, exit, output);
                break;
            case "junit":
                ReplayJunitWriter.Write(replay, failOn, output);
                break;
            case "json":
                ReplayJsonWriter.Write(replay, failOn, exit, output);
                break;
            default:
                ReplayTextWriter.Write(replay, failOn, exit, output, style ?? TerminalStyle.Plain, verbose);
                break;
        }
    }
}
