namespace Swiotlb.Trace.Tests.Support;

/// <summary>Reads a capture's <c>ring-stats.txt</c> (the per-CPU tracefs stats files, concatenated).</summary>
public static class RingStatistics
{
    /// <summary>Events the ring buffers lost: overruns plus dropped events, over all CPUs.</summary>
    public static long LostEvents(string path) =>
        File.ReadLines(path)
            .Select(line => line.Split(':', 2))
            .Where(parts => parts.Length == 2 && parts[0].Trim() is "overrun" or "dropped events")
            .Sum(parts => long.Parse(parts[1].Trim(), System.Globalization.CultureInfo.InvariantCulture));
}
