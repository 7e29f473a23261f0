using System.CommandLine;

namespace Swiotlb.Trace.Cli.Commands;

/// <summary>For a token the command line did not recognise, the nearest verb or option of the command it was given to.</summary>
public static class Suggestions
{
    /// <summary>The closest name to <paramref name="token"/> among <paramref name="command"/>'s verbs and options (aliases
    /// included), within a third of its length in edits; null when none is that close.</summary>
    public static string? For(string token, Command command)
    {
        var names = command.Subcommands.Select(c => c.Name)
            .Concat(command.Options.SelectMany(o => o.Aliases.Prepend(o.Name)))
            .Where(name => !name.StartsWith("-", StringComparison.Ordinal) || token.StartsWith("-", StringComparison.Ordinal));
        var best = names.Select(name => (name, distance: Distance(token, name))).OrderBy(c => c.distance).ThenBy(c => c.name, StringComparer.Ordinal).FirstOrDefault();
        return best.name is not null && best.distance > 0 && best.distance <= Math.Max(1, token.Length / 3) ? best.name : null;
    }

    /// <summary>Edits (insert, delete, substitute, swap two neighbours) that turn <paramref name="a"/> into <paramref name="b"/>.</summary>
    private static int Distance(string a, string b)
    {
        var d = new int[a.Length + 1, b.Length + 1];
        for (int i = 0; i <= a.Length; i++)
            d[i, 0] = i;
        for (int j = 0; j <= b.Length; j++)
            d[0, j] = j;
        for (int i = 1; i <= a.Length; i++)
            for (int j = 1; j <= b.Length; j++)
            {
                int cost = a[i - 1] == b[j - 1] ? 0 : 1;
                d[i, j] = Math.Min(Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1), d[i - 1, j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                    d[i, j] = Math.Min(d[i, j], d[i - 2, j - 2] + 1);
            }
        return d[a.Length, b.Length];
    }
}
