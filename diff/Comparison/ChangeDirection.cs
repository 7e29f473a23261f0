namespace Swiotlb.Trace.Diff.Comparison;

/// <summary>Which way a change goes, seen from the baseline to the candidate.</summary>
public enum ChangeDirection
{
    /// <summary>The candidate does worse than the baseline: lost offsets, broken PRPs, failures or hangs it did not have.</summary>
    Regression,
    /// <summary>The candidate does better than the baseline.</summary>
    Fix,
    /// <summary>Different, but neither worse nor better (another bounce address, another volume of mappings, another pool peak).</summary>
    Neutral,
}
