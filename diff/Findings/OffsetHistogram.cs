namespace Swiotlb.Trace.Diff.Findings;

/// <summary>Mappings with an in-page offset, kept or lost, counted per bucket (buffer offset, or size class).</summary>
public sealed class OffsetHistogram
{
    private readonly SortedDictionary<ulong, (long Kept, long Lost)> _buckets = [];

    public IReadOnlyDictionary<ulong, (long Kept, long Lost)> Buckets => _buckets;

    /// <summary>True when both hold the same counts in the same buckets.</summary>
    public bool SameAs(OffsetHistogram other) => _buckets.Count == other._buckets.Count && _buckets.All(b => other._buckets.TryGetValue(b.Key, out var counts) && counts == b.Value);

    public void Add(ulong bucket, bool kept)
    {
        var (k, l) = _buckets.GetValueOrDefault(bucket);
        _buckets[bucket] = kept ? (k + 1, l) : (k, l + 1);
    }

    /// <summary>Buffer offsets grouped in 512-byte steps (the sector size), 0 to 3584.</summary>
    public static ulong OffsetBucket(ulong original) => original & OffsetRules.PageOffsetMask & ~511UL;

    /// <summary>The smallest power of two, from 512 B, that holds the mapping; 256 KiB gathers everything larger.</summary>
    public static ulong SizeClass(ulong size)
    {
        var limit = 512UL;
        while (limit < size && limit < (256UL << 10))
            limit <<= 1;
        return limit;
    }
}
