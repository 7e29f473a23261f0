using System.Net;
using Swiotlb.Trace.Cli.Output.Tables;

namespace Swiotlb.Trace.Cli.Output.Html;

/// <summary>A report table as an HTML table; numeric columns carry the <c>num</c> class.</summary>
public static class HtmlTableWriter
{
    public static void Write(ReportTable table, TextWriter output)
    {
        output.WriteLine("<table>");
        output.WriteLine($"<thead><tr>{string.Concat(table.Columns.Select(c => $"<th{Class(c)}>{WebUtility.HtmlEncode(c.Header)}</th>"))}</tr></thead>");
        output.WriteLine("<tbody>");
        foreach (var row in table.Rows)
            output.WriteLine($"<tr>{string.Concat(row.Select((cell, i) => $"<td{Class(table.Columns[i])}>{WebUtility.HtmlEncode(cell)}</td>"))}</tr>");
        output.WriteLine("</tbody></table>");
    }

    private static string Class(ReportColumn column) => column.Numeric ? " class=\"num\"" : "";
}
