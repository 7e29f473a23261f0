namespace Swiotlb.Trace.Diff.Comparison;

/// <summary>The aggregated figures compared per device between two sides of a diff.</summary>
public enum Metric
{
    /// <summary>Mappings replayed: a different volume is worth knowing, never a regression.</summary>
    Mappings,
    /// <summary>In-page offsets lost, of mappings with one, for one buffer offset bucket (512-byte steps).</summary>
    OffsetsLostByBufferOffset,
    /// <summary>In-page offsets lost, of mappings with one, for one size class.</summary>
    OffsetsLostBySizeClass,
    /// <summary>Mappings whose bounce address breaks the device's min_align_mask, of all mappings.</summary>
    MaskViolations,
    /// <summary>NVMe commands whose PRPs break, of commands checked.</summary>
    CommandsBroken,
    /// <summary>Mappings the allocator fails, of all mappings.</summary>
    Failures,
    /// <summary>Mappings whose slot search never ends, of all mappings.</summary>
    EndlessSearches,
    /// <summary>The most pool slots in use at once, of the pool's slots (the pool is shared: reported for device <c>*</c>).</summary>
    PeakPoolSlots,
}
