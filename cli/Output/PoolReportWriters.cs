using Swiotlb.Trace.Diff.Pool;

namespace Swiotlb.Trace.Cli.Output;

/// <summary>The <c>pool</c> report in each <c>--format</c>, and the one line <c>--recommend</c> prints.</summary>
public static class PoolReportWriters
{
    public static readonly string[] Formats = ["text", "json"];

    /// <param name="format">One of <see cref="Formats"/>, or <c>recommend</c>.</param>
    public static void Write(string format, PoolAnalysis analysis, TextWriter output)
    {
        switch (format)
        {
            case "recommend":
                output.WriteLine(analysis.RecommendedArgument ?? "# no pool swept replays the capture without failures");
                break;
            case "json":
                PoolJsonWriter.Write(analysis, output);
                break;
            default:
                PoolTextWriter.Write(analysis, output);
                break;
        }
    }
}
