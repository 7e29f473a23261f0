namespace Swiotlb.Trace.Replay.Allocator;

/// <summary>A read-only view of a model's pool: for tests, and for occupancy in reports.</summary>
public interface IPoolState
{
    /// <summary>The geometry the model runs on (a single area for kernels before 6.0).</summary>
    PoolGeometry Geometry { get; }

    /// <summary>Free-run length starting at each slot; 0 = in use.</summary>
    ReadOnlySpan<int> FreeCounts { get; }

    /// <summary>The area's next-search index, relative to the area.</summary>
    int AreaCursor(int area);

    int AreaUsedSlots(int area);

    int UsedSlots { get; }
}
