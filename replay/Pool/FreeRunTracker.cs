using Swiotlb.Trace.Replay.Allocator;

namespace Swiotlb.Trace.Replay.Pool;

/// <summary>The pool's largest free run, kept exact after every change at the cost of one segment: an allocation or a
/// release renumbers free runs only inside its own 128-slot segment, so only that segment's longest run can change.</summary>
internal sealed class FreeRunTracker
{
    private readonly int[] longestInSegment;
    private readonly int[] segmentsWithLongest = new int[Slots.SegmentSlots + 1];

    public FreeRunTracker(IPoolState pool)
    {
        longestInSegment = new int[pool.Geometry.SlotCount / Slots.SegmentSlots];
        for (int segment = 0; segment < longestInSegment.Length; segment++)
        {
            longestInSegment[segment] = Longest(pool, segment);
            segmentsWithLongest[longestInSegment[segment]]++;
        }
    }

    /// <summary>The longest run of free slots anywhere in the pool (at most one segment).</summary>
    public int LargestFreeRun
    {
        get
        {
            for (int run = Slots.SegmentSlots; run > 0; run--)
                if (segmentsWithLongest[run] > 0)
                    return run;
            return 0;
        }
    }

    /// <summary>Takes in a change to the slots of <paramref name="allocation"/>.</summary>
    public void Changed(IPoolState pool, in Allocation allocation)
    {
        int segment = allocation.StartSlot / Slots.SegmentSlots;
        segmentsWithLongest[longestInSegment[segment]]--;
        longestInSegment[segment] = Longest(pool, segment);
        segmentsWithLongest[longestInSegment[segment]]++;
    }

    private static int Longest(IPoolState pool, int segment)
    {
        int longest = 0;
        foreach (int run in pool.FreeCounts.Slice(segment * Slots.SegmentSlots, Slots.SegmentSlots))
            longest = Math.Max(longest, run);
        return longest;
    }
}
