using Swiotlb.Trace.Cli.Input;
using Swiotlb.Trace.Events;

namespace Swiotlb.Trace.Tests.BlockReplay;

/// <summary>
/// How far one capture's clock is from another's, when both traced the same block requests: each issue of the first is
/// matched with the same request's issue in the second (device, sector and length, in order), and the median difference taken.
/// </summary>
public static class ClockAlignment
{
    /// <returns>Nanoseconds to add to <paramref name="other"/>'s times to put them on <paramref name="reference"/>'s clock, and the requests matched.</returns>
    public static (long OffsetNs, int Matched) Between(string reference, string other)
    {
        var pending = new Dictionary<(DeviceNumber, ulong, uint), Queue<long>>();
        foreach (var issue in Issues(reference))
        {
            var key = (issue.Device, issue.Sector, issue.SectorCount);
            if (!pending.TryGetValue(key, out var times))
                pending[key] = times = new Queue<long>();
            times.Enqueue(issue.Header.TimestampNs);
        }
        var differences = new List<long>();
        foreach (var issue in Issues(other))
            if (pending.TryGetValue((issue.Device, issue.Sector, issue.SectorCount), out var times) && times.TryDequeue(out var time))
                differences.Add(time - issue.Header.TimestampNs);
        differences.Sort();
        return (differences[differences.Count / 2], differences.Count);
    }

    private static List<BlockRqIssue> Issues(string path)
    {
        using var reader = CaptureOpener.Open(path, TextWriter.Null);
        return [.. reader.ReadEvents().OfType<BlockRqIssue>()];
    }
}
