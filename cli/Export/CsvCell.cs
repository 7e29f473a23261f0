namespace Swiotlb.Trace.Cli.Export;

/// <summary>
/// A text cell from a capture, made safe for spreadsheets: one that starts with <c>=</c>, <c>+</c>, <c>-</c>, <c>@</c>,
/// a tab or a carriage return would be run as a formula, so it gets a leading <c>'</c> (OWASP's CSV injection advice).
/// </summary>
public static class CsvCell
{
    public static string? Neutralised(string? text) =>
        text is { Length: > 0 } && text[0] is '=' or '+' or '-' or '@' or '\t' or '\r' ? "'" + text : text;
}
