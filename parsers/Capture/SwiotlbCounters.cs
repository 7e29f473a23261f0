namespace Swiotlb.Trace.Capture;

/// <summary>The counters swiotlb keeps in debugfs (<c>/sys/kernel/debug/swiotlb/</c>, <c>CONFIG_DEBUG_FS</c>).</summary>
/// <param name="Slots"><c>io_tlb_nslabs</c>: the pool's slots.</param>
/// <param name="UsedSlots"><c>io_tlb_used</c>: slots in use when read.</param>
/// <param name="UsedHiwater"><c>io_tlb_used_hiwater</c>: the most slots in use at once since boot (or since it was reset).</param>
public sealed record SwiotlbCounters(long? Slots, long? UsedSlots, long? UsedHiwater)
{
    /// <summary>Lines of <c>PATH VALUE</c> (<c>/sys/kernel/debug/swiotlb/io_tlb_used_hiwater 939</c>), as a capture
    /// tool writes them; other lines are ignored, and null when no counter is found.</summary>
    public static SwiotlbCounters? Parse(IEnumerable<string> lines)
    {
        long? slots = null, used = null, hiwater = null;
        foreach (var line in lines)
        {
            var words = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (words.Length != 2 || !long.TryParse(words[1], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var value))
                continue;
            switch (words[0][(words[0].LastIndexOf('/') + 1)..])
            {
                case "io_tlb_nslabs":
                    slots = value;
                    break;
                case "io_tlb_used":
                    used = value;
                    break;
                case "io_tlb_used_hiwater":
                    hiwater = value;
                    break;
            }
        }
        return slots is null && used is null && hiwater is null ? null : new SwiotlbCounters(slots, used, hiwater);
    }
}
