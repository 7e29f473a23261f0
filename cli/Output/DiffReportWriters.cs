using Swiotlb.Trace.Diff.Comparison;
using Swiotlb.Trace.Diff.Findings;
using Swiotlb.Trace.Diff.Findings.Rules;

namespace Swiotlb.Trace.Cli.Output;

/// <summary>The <c>diff</c> report in each <c>--format</c>.</summary>
public static class DiffReportWriters
{
    public static readonly ReportFormat[] Formats = [ReportFormat.Text, ReportFormat.Json, ReportFormat.Markdown, ReportFormat.Junit];

    /// <param name="elapsed">How long the diff took, and <paramref name="started"/> when it began (JUnit states both).</param>
    public static void Write(ReportFormat format, DiffReport report, IReadOnlySet<FindingRule> failOn, ExitCode exit, TextWriter output,
        TimeSpan elapsed, DateTimeOffset started)
    {
        switch (format)
        {
            case ReportFormat.Text:
                DiffTextWriter.Write(report, failOn, exit, output);
                break;
            case ReportFormat.Json:
                DiffJsonWriter.Write(report, failOn, exit, output);
                break;
            case ReportFormat.Markdown:
                DiffMarkdownWriter.Write(report, failOn, exit, output);
                break;
            case ReportFormat.Junit:
                DiffJunitWriter.Write(report, failOn, elapsed, started, output);
                break;
            default:
                throw ReportFormats.NotOffered(format, "diff");
        }
    }
}
