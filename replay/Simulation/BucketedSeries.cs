namespace Swiotlb.Trace.Replay.Simulation;

/// <summary>Which value a bucket keeps of those added within it.</summary>
public enum BucketKeeps
{
    /// <summary>The highest: slots in use, live mappings (every peak survives).</summary>
    Highest,

    /// <summary>The lowest: the largest free run (every worst moment survives).</summary>
    Lowest,
}

/// <summary>One point of a plot: the value a bucket kept, from its start time.</summary>
public readonly record struct SeriesPoint(long StartNs, int Value);

/// <summary>
/// A value over time in a bounded number of buckets: when the buckets run out, neighbours merge and the bucket width
/// doubles, so a capture of any length costs the same memory and every extreme survives.
/// </summary>
public sealed class BucketedSeries(BucketKeeps keeps = BucketKeeps.Highest, int capacity = 1024)
{
    private readonly List<SeriesPoint> _points = [];
    private long _origin = long.MinValue;
    private long _width = 1_000_000;

    public BucketKeeps Keeps => keeps;

    /// <summary>The highest value added (the lowest for a <see cref="BucketKeeps.Lowest"/> series); 0 before any.</summary>
    public int Extreme { get; private set; }

    public IReadOnlyList<SeriesPoint> Points => _points;

    public void Add(long timeNs, int value)
    {
        Extreme = _origin == long.MinValue ? value : Keep(Extreme, value);
        if (_origin == long.MinValue)
            _origin = timeNs;
        while (_points.Count == capacity && _points[^1].StartNs < BucketStart(timeNs))
            Coarsen();
        if (_points.Count > 0 && _points[^1].StartNs >= BucketStart(timeNs))
            _points[^1] = _points[^1] with { Value = Keep(_points[^1].Value, value) };
        else
            _points.Add(new SeriesPoint(BucketStart(timeNs), value));
    }

    private int Keep(int kept, int value) => keeps == BucketKeeps.Highest ? Math.Max(kept, value) : Math.Min(kept, value);

    private long BucketStart(long timeNs) => _origin + Math.Max(0, (timeNs - _origin) / _width) * _width;

    private void Coarsen()
    {
        _width *= 2;
        var merged = _points
            .GroupBy(p => _origin + (p.StartNs - _origin) / _width * _width)
            .Select(g => new SeriesPoint(g.Key, g.Select(p => p.Value).Aggregate(Keep)))
            .ToList();
        _points.Clear();
        _points.AddRange(merged);
    }
}
