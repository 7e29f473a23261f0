namespace Swiotlb.Trace.Replay.Allocator;

/// <summary>
/// The sizes the kernel allows, so a size read from a capture is checked before anything is sized by it:
/// a swiotlb mapping is at most <c>swiotlb_max_mapping_size</c> (one 128-slot segment, 256 KiB).
/// </summary>
public static class MappingLimits
{
    /// <summary><c>IO_TLB_SEGSIZE * IO_TLB_SIZE</c>: no allocation crosses a segment, so no mapping is larger.</summary>
    public const ulong MaxMappingSize = (ulong)Slots.SegmentSlots * Slots.Size;

    /// <summary>Why the kernel could not have made this mapping, or null when it could.</summary>
    public static string? Refuse(ulong mappingSize, ulong allocSize) =>
        mappingSize is 0 or > MaxMappingSize || allocSize > MaxMappingSize
            ? $"a mapping of {mappingSize} bytes (alloc size {allocSize}), outside 1 byte to swiotlb_max_mapping_size ({MaxMappingSize} bytes)"
            : null;
}
