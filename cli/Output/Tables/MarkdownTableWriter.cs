namespace Swiotlb.Trace.Cli.Output.Tables;

/// <summary>A table in GitHub-flavoured Markdown.</summary>
public static class MarkdownTableWriter
{
    public static void Write(ReportTable table, TextWriter output)
    {
        output.WriteLine(Row(table.Columns.Select(c => c.Header)));
        output.WriteLine(Row(table.Columns.Select(c => c.Numeric ? "---:" : "---")));
        foreach (var row in table.Rows)
            output.WriteLine(Row(row));
        output.WriteLine();
    }

    private static string Row(IEnumerable<string> cells) => $"| {string.Join(" | ", cells.Select(Markdown.Escape))} |";
}
