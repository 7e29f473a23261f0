namespace Swiotlb.Trace.Diff.Comparison;

/// <summary><see cref="Count"/> of <see cref="OutOf"/>: e.g. offsets lost of mappings with an offset, commands broken of commands checked.</summary>
public readonly record struct Tally(long Count, long OutOf)
{
    /// <summary>Compares the shares <c>Count / OutOf</c> exactly; both sides must have something to count.</summary>
    public int CompareShare(Tally other) => (Count * other.OutOf).CompareTo(other.Count * OutOf);

    public override string ToString() => $"{Count}/{OutOf}";
}
