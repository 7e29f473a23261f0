using Swiotlb.Trace.Replay.Allocator;

namespace Swiotlb.Trace.Replay.Pairing;

/// <summary>
/// The mappings assumed for one block request: one per request, contiguous from a nominal page, split only where no
/// swiotlb mapping can be larger. The real split follows the buffer's physical pages, which a block-only capture does not show.
/// </summary>
public static class BlockRequestLayout
{
    /// <summary>The page every assumed buffer starts in (a nominal address: only its in-page offset matters to the models).</summary>
    public const ulong NominalBufferPage = 0x1_0000_0000;

    /// <summary>
    /// The largest mapping assumed: one swiotlb segment (128 slots, 256 KiB) less the 4 KiB that <c>swiotlb_max_mapping_size</c>
    /// keeps for an NVMe min_align_mask, so a piece and its offset always fit one segment.
    /// </summary>
    public const ulong MaxMappingBytes = Slots.SegmentSlots * Slots.Size - BufferOffsetAssumption.PageSize;

    /// <summary>The (original address, size) of each mapping of a request of <paramref name="bytes"/> whose buffer starts <paramref name="offset"/> into its page.</summary>
    public static IEnumerable<(ulong OriginalAddress, ulong Size)> Mappings(ulong bytes, ulong offset)
    {
        for (ulong done = 0; done < bytes; done += MaxMappingBytes)
            yield return (NominalBufferPage + offset + done, Math.Min(MaxMappingBytes, bytes - done));
    }
}
