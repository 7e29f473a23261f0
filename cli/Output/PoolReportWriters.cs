using Swiotlb.Trace.Cli.Output.Html;
using Swiotlb.Trace.Diff.Pool;

namespace Swiotlb.Trace.Cli.Output;

/// <summary>The <c>pool</c> report in each <c>--format</c>, and the one line <c>--recommend</c> prints.</summary>
public static class PoolReportWriters
{
    public static readonly ReportFormat[] Formats = [ReportFormat.Text, ReportFormat.Json];

    public static void Write(ReportFormat format, PoolAnalysis analysis, TextWriter output)
    {
        switch (format)
        {
            case ReportFormat.Text:
                PoolTextWriter.Write(analysis, output);
                break;
            case ReportFormat.Json:
                PoolJsonWriter.Write(analysis, output);
                break;
            case ReportFormat.Html:
                PoolHtmlWriter.Write(analysis, output);
                break;
            default:
                throw ReportFormats.NotOffered(format, "pool");
        }
    }

    /// <summary><c>--recommend</c>: the kernel argument of the smallest pool that replays the capture without failures.</summary>
    public static void WriteRecommendation(PoolAnalysis analysis, TextWriter output) =>
        output.WriteLine(analysis.RecommendedArgument ?? "# no pool swept replays the capture without failures");
}
