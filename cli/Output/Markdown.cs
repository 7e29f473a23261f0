namespace Swiotlb.Trace.Cli.Output;

/// <summary>Text made safe for GitHub-flavoured Markdown.</summary>
public static class Markdown
{
    /// <summary>Escapes the characters that would end a table cell or start emphasis, links or HTML.</summary>
    public static string Escape(string text)
    {
        var escaped = new System.Text.StringBuilder(text.Length);
        foreach (var c in text)
        {
            if (c is '|' or '*' or '_' or '`' or '[' or ']' or '<' or '>' or '\\')
                escaped.Append('\\');
            escaped.Append(c);
        }
        return escaped.ToString();
    }

    /// <summary>Inline code: backticks inside are avoided by choosing a longer fence.</summary>
    public static string Code(string text) => text.Contains('`') ? $"`` {text} ``" : $"`{text}`";
}
