namespace Swiotlb.Trace.Tests.Notebook;

/// <summary>A fenced code block of the notebook and, for SQL, the Markdown table printed as its result (the lines
/// <c>ResultStart</c> to <c>ResultEnd</c>, exclusive; equal when no table follows).</summary>
public sealed record NotebookCell(string Language, string Code, int ResultStart, int ResultEnd)
{
    /// <summary>Reads every fenced block; a block's result is the first table after it, before any other block or heading.</summary>
    public static IReadOnlyList<NotebookCell> Read(IReadOnlyList<string> lines)
    {
        var cells = new List<NotebookCell>();
        for (var i = 0; i < lines.Count; i++)
        {
            if (!lines[i].StartsWith("```", StringComparison.Ordinal) || lines[i].Length == 3)
                continue;
            var language = lines[i][3..].Trim();
            var end = i + 1;
            while (end < lines.Count && lines[end] != "```")
                end++;
            var code = string.Join('\n', lines.Skip(i + 1).Take(end - i - 1));
            var (start, stop) = ResultAfter(lines, end + 1);
            cells.Add(new NotebookCell(language, code, start, stop));
            i = end;
        }
        return cells;
    }

    private static (int Start, int End) ResultAfter(IReadOnlyList<string> lines, int from)
    {
        var i = from;
        while (i < lines.Count && lines[i].Trim().Length == 0)
            i++;
        if (i >= lines.Count || !lines[i].StartsWith('|'))
            return (i, i);
        var end = i;
        while (end < lines.Count && lines[end].StartsWith('|'))
            end++;
        return (i, end);
    }
}
