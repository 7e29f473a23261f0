namespace Swiotlb.Trace.Cli.Output;

/// <summary>The forms a report is written in. <c>--format</c> takes those its verb offers, by their lower-case names;
/// <c>replay --html</c> and <c>pool --html</c> write the HTML page beside the chosen one.</summary>
public enum ReportFormat
{
    Text,
    Json,
    Markdown,
    Junit,
    Html,
}

public static class ReportFormats
{
    /// <summary>The name <c>--format</c> takes and help shows: <c>junit</c>.</summary>
    public static string Name(this ReportFormat format) => format.ToString().ToLowerInvariant();

    /// <summary>An internal error: a writer was asked for a format its verb does not offer (the option refuses it first).</summary>
    public static ArgumentOutOfRangeException NotOffered(ReportFormat format, string report) =>
        new(nameof(format), format, $"the {report} report has no {format.Name()} form");
}
