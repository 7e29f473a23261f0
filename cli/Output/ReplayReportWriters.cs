using Swiotlb.Trace.Cli.Output.Html;
using Swiotlb.Trace.Diff.Findings;
using Swiotlb.Trace.Diff.Findings.Rules;
using Swiotlb.Trace.Diff.Replaying;

namespace Swiotlb.Trace.Cli.Output;

/// <summary>The <c>replay</c> report in each <c>--format</c>.</summary>
public static class ReplayReportWriters
{
    /// <summary>The forms <c>--format</c> offers; <c>--json</c>, <c>--markdown</c>, <c>--junit</c> and <c>--html</c> write others beside it.</summary>
    public static readonly ReportFormat[] Formats = [ReportFormat.Text, ReportFormat.Json, ReportFormat.Markdown, ReportFormat.Junit];

    public static void Write(ReportFormat format, CaptureReplay replay, IReadOnlySet<FindingRule> failOn, ExitCode exit, TextWriter output,
        TerminalStyle? style = null, bool verbose = false)
    {
        switch (format)
        {
            case ReportFormat.Text:
                ReplayTextWriter.Write(replay, failOn, exit, output, style ?? TerminalStyle.Plain, verbose);
                break;
            case ReportFormat.Json:
                ReplayJsonWriter.Write(replay, failOn, exit, output);
                break;
            case ReportFormat.Markdown:
                ReplayMarkdownWriter.Write(replay, failOn, exit, output);
                break;
            case ReportFormat.Junit:
                ReplayJunitWriter.Write(replay, failOn, output);
                break;
            case ReportFormat.Html:
                ReplayHtmlWriter.Write(replay, failOn, exit, output);
                break;
            default:
                throw ReportFormats.NotOffered(format, "replay");
        }
    }
}
