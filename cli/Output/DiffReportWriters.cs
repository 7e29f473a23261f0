using Swiotlb.Trace.Diff.Comparison;
using Swiotlb.Trace.Diff.Findings;

namespace Swiotlb.Trace.Cli.Output;

/// <summary>The <c>diff</c> report in each <c>--format</c>.</summary>
public static class DiffReportWriters
{
    public static readonly string[] Formats = ["text", "json", "markdown"];

    public static void Write(string format, DiffReport report, IReadOnlySet<FindingKind> failOn, ExitCode exit, TextWriter output)
    {
        switch (format)
        {
            case "json":
                DiffJsonWriter.Write(report, failOn, exit, output);
                break;
            case "markdown":
                DiffMarkdownWriter.Write(report, failOn, exit, output);
                break;
            default:
                DiffTextWriter.Write(report, failOn, exit, output);
                break;
        }
    }
}
