using Swiotlb.Trace.Replay.Simulation;

namespace Swiotlb.Trace.Tests.BlockReplay;

/// <summary>
/// Two occupancy series compared over time: both put on one clock and one grid of <c>bucketNs</c> buckets, each bucket
/// holding the series' peak used slots in it (a bucket without a point keeps the previous bucket's value), from the
/// first bucket of either to the last.
/// </summary>
public sealed record OccupancyComparison(int Buckets, double MeanAbsoluteDifference, int MaxDifference)
{
    public static OccupancyComparison Of(IReadOnlyList<SeriesPoint> exact, IReadOnlyList<SeriesPoint> assumed, long assumedShiftNs, long bucketNs)
    {
        var first = Math.Min(exact[0].StartNs, assumed[0].StartNs + assumedShiftNs) / bucketNs;
        var last = Math.Max(exact[^1].StartNs, assumed[^1].StartNs + assumedShiftNs) / bucketNs;
        var a = Grid(exact, 0, bucketNs, first, last);
        var b = Grid(assumed, assumedShiftNs, bucketNs, first, last);
        var differences = a.Zip(b, (x, y) => Math.Abs(x - y)).ToList();
        return new OccupancyComparison(differences.Count, differences.Average(), differences.Max());
    }

    private static int[] Grid(IReadOnlyList<SeriesPoint> points, long shiftNs, long bucketNs, long first, long last)
    {
        var grid = new int[last - first + 1];
        var seen = new bool[grid.Length];
        foreach (var point in points)
        {
            var bucket = (point.StartNs + shiftNs) / bucketNs - first;
            grid[bucket] = Math.Max(grid[bucket], point.Value);
            seen[bucket] = true;
        }
        for (var i = 1; i < grid.Length; i++)
            if (!seen[i])
                grid[i] = grid[i - 1];
        return grid;
    }
}
