namespace Swiotlb.Trace.Cli.Shell;

/// <summary>The short form of a verb's or option's description that completion menus show.</summary>
public static class Descriptions
{
    /// <summary>The description up to its first full stop.</summary>
    public static string FirstSentence(string text)
    {
        var end = text.IndexOf(". ", StringComparison.Ordinal);
        return (end < 0 ? text : text[..end]).TrimEnd('.');
    }
}
