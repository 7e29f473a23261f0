namespace Swiotlb.Trace.Diff.Pool;

/// <summary>The capture replayed under one candidate pool.</summary>
/// <param name="Failures">Mappings that found no slots (endless searches included).</param>
/// <param name="PeakUsedSlots">The high-water mark of slots in use.</param>
/// <param name="FallBacks">Mappings served by an area other than their CPU's own.</param>
public sealed record SweepPoint(PoolCandidate Pool, int Mappings, int Failures, int EndlessSearches, int PeakUsedSlots, int FallBacks)
{
    public bool IsClean => Failures == 0;

    /// <summary>Free slots left at the peak, as a share of the pool.</summary>
    public double HeadroomAtPeak => 1 - (double)PeakUsedSlots / Pool.Slots;
}
