namespace Swiotlb.Trace.Replay.Pool;

/// <summary>Allocations grouped by the slots they hold, in powers of two: 1, 2, 3–4, 5–8, … 65–128 slots.</summary>
public readonly record struct SizeClass(int Index)
{
    public const int Count = 8;

    public static SizeClass Of(int slots) => new(slots <= 1 ? 0 : Math.Min(Count - 1, 32 - System.Numerics.BitOperations.LeadingZeroCount((uint)(slots - 1))));

    public int MinSlots => Index == 0 ? 1 : (1 << (Index - 1)) + 1;

    public int MaxSlots => 1 << Index;

    /// <summary><c>3-4 slots (≤8 KiB)</c>.</summary>
    public override string ToString() =>
        (MinSlots == MaxSlots ? $"{MaxSlots} slot{(MaxSlots == 1 ? "" : "s")}" : $"{MinSlots}-{MaxSlots} slots") + $" (≤{MaxSlots * 2} KiB)";
}
