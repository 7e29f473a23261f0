using Swiotlb.Trace.Replay.Allocator;

namespace Swiotlb.Trace.Replay.Inference;

/// <summary>
/// Where the pool's 128-slot segments can begin, read from the placements alone: no allocation crosses a segment
/// (the free-run counts restart at every <c>IO_TLB_SEGSIZE</c> boundary, in every generation), so a page-aligned start
/// is possible only at a phase, modulo the segment's 256 KiB, that no observed mapping straddles.
/// </summary>
public static class SegmentPhases
{
    public const ulong SegmentBytes = (ulong)Slots.SegmentSlots << Slots.Shift;

    /// <summary>For each page-aligned phase (its offset inside a segment), how many placements would cross a segment
    /// boundary were the pool to start there.</summary>
    public static int[] Crossings(IReadOnlyList<ObservedPlacement> placements, int pageSize)
    {
        var phases = new int[(int)(SegmentBytes / (ulong)pageSize)];
        foreach (ObservedPlacement placement in placements)
        {
            if (placement.Size > SegmentBytes)
                continue;
            ulong first = placement.BounceAddress % SegmentBytes, last = (placement.End - 1) % SegmentBytes;
            for (int phase = 0; phase < phases.Length; phase++)
            {
                ulong boundary = (ulong)phase * (ulong)pageSize;
                if (Crosses(first, last, boundary))
                    phases[phase]++;
            }
        }
        return phases;
    }

    /// <summary>The phases with the fewest crossings (none, for a consistent capture), lowest first.</summary>
    public static IReadOnlyList<ulong> Fitting(int[] crossings, int pageSize)
    {
        int fewest = crossings.Min();
        return [.. Enumerable.Range(0, crossings.Length).Where(p => crossings[p] == fewest).Select(p => (ulong)p * (ulong)pageSize)];
    }

    /// <summary>The highest address at or below <paramref name="bound"/> at the given phase, or null when none is.</summary>
    public static ulong? HighestAtPhase(ulong bound, ulong phase)
    {
        if (bound < phase)
            return null;
        return bound - (bound - phase) % SegmentBytes;
    }

    /// <summary>Whether a mapping occupying offsets <paramref name="first"/>..<paramref name="last"/> of a segment-sized
    /// window (wrapping when <paramref name="last"/> &lt; <paramref name="first"/>) has a segment start after its first byte.</summary>
    private static bool Crosses(ulong first, ulong last, ulong boundary) =>
        first <= last ? boundary > first && boundary <= last : boundary > first || boundary <= last;
}
