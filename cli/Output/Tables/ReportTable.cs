namespace Swiotlb.Trace.Cli.Output.Tables;

/// <summary>A column of a report table; numeric columns align right.</summary>
public sealed record ReportColumn(string Header, bool Numeric = true);

/// <summary>A table as every format draws it: cells already formatted, the same rows for text, Markdown and HTML.</summary>
public sealed record ReportTable(IReadOnlyList<ReportColumn> Columns, IReadOnlyList<IReadOnlyList<string>> Rows);
