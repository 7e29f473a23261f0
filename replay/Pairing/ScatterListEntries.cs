using Swiotlb.Trace.Events;

namespace Swiotlb.Trace.Replay.Pairing;

/// <summary>One entry of a mapped scatterlist.</summary>
public readonly record struct ScatterListEntry(ulong PhysAddress, ulong DmaAddress, ulong Size);

public static class ScatterListEntries
{
    /// <summary>The entries a <c>dma_map_sg</c> event shows (swiotlb maps entries one to one; capped arrays give fewer).</summary>
    public static IEnumerable<ScatterListEntry> Of(DmaMapSg list)
    {
        var count = Math.Min(list.PhysAddresses.Length, Math.Min(list.DmaAddresses.Length, list.Sizes.Length));
        for (var i = 0; i < count; i++)
            yield return new ScatterListEntry(list.PhysAddresses[i], list.DmaAddresses[i], list.Sizes[i]);
    }
}
