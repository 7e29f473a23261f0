namespace Swiotlb.Trace.Cli.Output.Tables;

/// <summary>A table in plain text: columns as wide as their widest cell, numbers aligned right.</summary>
public static class TextTableWriter
{
    public static void Write(ReportTable table, TextWriter output)
    {
        var widths = table.Columns
            .Select((column, i) => table.Rows.Select(row => row[i].Length).Append(column.Header.Length).Max())
            .ToList();
        output.WriteLine(Line(table.Columns.Select(c => c.Header).ToList(), table.Columns, widths));
        foreach (var row in table.Rows)
            output.WriteLine(Line(row, table.Columns, widths));
    }

    private static string Line(IReadOnlyList<string> cells, IReadOnlyList<ReportColumn> columns, IReadOnlyList<int> widths) =>
        string.Join("  ", cells.Select((cell, i) => columns[i].Numeric ? cell.PadLeft(widths[i]) : cell.PadRight(widths[i]))).TrimEnd();
}
