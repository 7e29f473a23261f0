using Swiotlb.Trace.Diff.Comparison;
using Swiotlb.Trace.Diff.Findings;
using Swiotlb.Trace.Diff.Findings.Rules;

namespace Swiotlb.Trace.Cli.Output;

/// <summary>The <c>diff</c> report in each <c>--format</c>.</summary>
public static class DiffReportWriters
{
    public static readonly string[] Formats = ["text", "json", "markdown", "junit"];

    /// <param name="elapsed">How long the diff took, and <paramref name="started"/> when it began (JUnit states both).</param>
    public static void Write(string format, DiffReport report, IReadOnlySet<FindingRule> failOn, ExitCode exit, TextWriter output,
        TimeSpan elapsed, DateTimeOffset started)
    {
        switch (format)
        {
            case "json":
                DiffJsonWriter.Write(report, failOn, exit, output);
                break;
            case "markdown":
                DiffMarkdownWriter.Write(report, failOn, exit, output);
                break;
            case "junit":
                DiffJunitWriter.Write(report, failOn, elapsed, started, output);
                break;
            default:
                DiffTextWriter.Write(report, failOn, exit, output);
                break;
        }
    }
}
