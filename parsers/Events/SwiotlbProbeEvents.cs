namespace Swiotlb.Trace.Events;

/// <summary>A kprobe on <c>swiotlb_tbl_map_single</c> entry: the mapping request, arguments read by name.</summary>
/// <param name="ProbeName">The user's name for the probe (e.g. <c>swmap</c>).</param>
/// <param name="DevicePointer">The <c>struct device *</c> (<c>dev=</c>).</param>
/// <param name="OriginalAddress"><c>orig=</c>, the buffer's physical address.</param>
/// <param name="MappingSize"><c>msize=</c>, the bytes the caller maps.</param>
/// <param name="AllocSize"><c>asize=</c> (kernels before 6.10), null where the probe does not read it.</param>
/// <param name="AllocAlignMask"><c>align=</c> (6.0+), null where absent.</param>
/// <param name="Direction"><c>dir=</c>.</param>
/// <param name="Attributes"><c>attrs=</c>, null where absent.</param>
/// <param name="PoolStart"><c>pool=</c>, the pool's start address, null where absent.</param>
public sealed record SwiotlbMapEntry(
    EventHeader Header,
    string ProbeName,
    ulong DevicePointer,
    ulong OriginalAddress,
    ulong MappingSize,
    ulong? AllocSize,
    ulong? AllocAlignMask,
    DmaDirection Direction,
    ulong? Attributes,
    ulong? PoolStart) : TraceEvent(Header)
{
    public override string Name => ProbeName;
    public override EventKind Kind => EventKind.SwiotlbMapEntry;

    /// <summary><c>mam=</c>: the device's live <c>min_align_mask</c> when the probe reads it (e.g. <c>mam=+4(+640(%di)):x32</c>), else null.</summary>
    public ulong? MinAlignMask { get; init; }
}

/// <summary>A kretprobe on <c>swiotlb_tbl_map_single</c>: the bounce address the kernel returned.</summary>
public sealed record SwiotlbMapReturn(EventHeader Header, string ProbeName, ulong ReturnValue) : TraceEvent(Header)
{
    /// <summary>The kernel's failure value, <c>(phys_addr_t)DMA_MAPPING_ERROR</c> = ~0.</summary>
    public const ulong MappingError = ulong.MaxValue;

    public override string Name => ProbeName;
    public override EventKind Kind => EventKind.SwiotlbMapReturn;
    public bool Failed => ReturnValue == MappingError;
}

/// <summary>A kprobe on <c>(__)swiotlb_tbl_unmap_single</c> entry: a bounce buffer is released.</summary>
/// <param name="BounceAddress"><c>tlb=</c>, the address the map returned.</param>
/// <param name="AllocSize"><c>asize=</c> (5.10–5.14 callers pass it), null where absent.</param>
public sealed record SwiotlbUnmapEntry(
    EventHeader Header,
    string ProbeName,
    ulong DevicePointer,
    ulong BounceAddress,
    ulong MappingSize,
    ulong? AllocSize,
    DmaDirection Direction,
    ulong? Attributes) : TraceEvent(Header)
{
    public override string Name => ProbeName;
    public override EventKind Kind => EventKind.SwiotlbUnmapEntry;
}
