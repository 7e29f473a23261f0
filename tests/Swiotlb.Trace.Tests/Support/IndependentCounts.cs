using System.Text.RegularExpressions;

namespace Swiotlb.Trace.Tests.Support;

/// <summary>
/// Counts events per name straight from the event-name column with a regular expression, independently of the reader:
/// the name is the word ending in ':' right after the timestamp (<c>10.491130:</c> or <c>4826968us :</c>).
/// </summary>
public static partial class IndependentCounts
{
    [GeneratedRegex(@"\s\d+\.\d+: ([A-Za-z0-9_]+):")]
    private static partial Regex FtraceName();

    [GeneratedRegex(@"\s\d+us\s?: ([A-Za-z0-9_]+):")]
    private static partial Regex LatencyName();

    public static Dictionary<string, long> ByEventName(string path, bool latency = false)
    {
        var pattern = latency ? LatencyName() : FtraceName();
        var counts = new Dictionary<string, long>();
        foreach (var line in File.ReadLines(path))
        {
            if (line.StartsWith('#'))
                continue;
            var match = pattern.Match(line);
            if (match.Success)
                counts[match.Groups[1].Value] = counts.GetValueOrDefault(match.Groups[1].Value) + 1;
        }
        return counts;
    }
}
