namespace Swiotlb.Trace.Replay.Simulation;

/// <summary>One point of a pool occupancy plot: the most slots in use within a time bucket.</summary>
public readonly record struct OccupancyPoint(long StartNs, int PeakUsedSlots);

/// <summary>
/// Pool occupancy over time in a bounded number of buckets: when the buckets run out, neighbours merge and the bucket
/// width doubles, so a capture of any length costs the same memory and every peak survives.
/// </summary>
public sealed class OccupancySeries(int capacity = 1024)
{
    private readonly List<OccupancyPoint> _points = [];
    private long _origin = long.MinValue;
    private long _width = 1_000_000;

    public int PeakUsedSlots { get; private set; }

    public IReadOnlyList<OccupancyPoint> Points => _points;

    public void Add(long timeNs, int usedSlots)
    {
        PeakUsedSlots = Math.Max(PeakUsedSlots, usedSlots);
        if (_origin == long.MinValue)
            _origin = timeNs;
        while (_points.Count == capacity && _points[^1].StartNs < BucketStart(timeNs))
            Coarsen();
        if (_points.Count > 0 && _points[^1].StartNs >= BucketStart(timeNs))
            _points[^1] = _points[^1] with { PeakUsedSlots = Math.Max(_points[^1].PeakUsedSlots, usedSlots) };
        else
            _points.Add(new OccupancyPoint(BucketStart(timeNs), usedSlots));
    }

    private long BucketStart(long timeNs) => _origin + Math.Max(0, (timeNs - _origin) / _width) * _width;

    private void Coarsen()
    {
        _width *= 2;
        var merged = _points
            .GroupBy(p => _origin + (p.StartNs - _origin) / _width * _width)
            .Select(g => new OccupancyPoint(g.Key, g.Max(p => p.PeakUsedSlots)))
            .ToList();
        _points.Clear();
        _points.AddRange(merged);
    }
}
