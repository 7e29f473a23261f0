namespace Swiotlb.Trace.Events;

/// <summary>The DMA direction as the <c>dma:*</c> events print it.</summary>
public enum DmaDirection
{
    Bidirectional = 0,
    ToDevice = 1,
    FromDevice = 2,
    None = 3,
}

/// <summary>Which kernel API a single-buffer <c>dma:*</c> event comes from: the same fields under two names.</summary>
public enum DmaSingleApi
{
    /// <summary><c>dma_map_page</c> / <c>dma_unmap_page</c> (6.12–6.17).</summary>
    Page,
    /// <summary><c>dma_map_phys</c> / <c>dma_unmap_phys</c> (6.18+), the renamed events.</summary>
    Phys,
}

/// <summary><c>dma:dma_map_page</c> (6.12+) or <c>dma:dma_map_phys</c> (6.18+): one contiguous buffer mapped; under swiotlb
/// <see cref="DmaAddress"/> is the bounce address.</summary>
public sealed record DmaMapSingle(
    EventHeader Header,
    string Device,
    DmaDirection Direction,
    ulong DmaAddress,
    ulong Size,
    ulong PhysAddress,
    string Attributes,
    DmaSingleApi Api = DmaSingleApi.Page) : TraceEvent(Header)
{
    public override string Name => Api == DmaSingleApi.Phys ? "dma_map_phys" : "dma_map_page";
    public override EventKind Kind => Api == DmaSingleApi.Phys ? EventKind.DmaMapPhys : EventKind.DmaMapPage;
}

/// <summary><c>dma:dma_unmap_page</c> (6.12+) or <c>dma:dma_unmap_phys</c> (6.18+), by bounce address (the format's <c>addr</c>).</summary>
public sealed record DmaUnmapSingle(
    EventHeader Header,
    string Device,
    DmaDirection Direction,
    ulong DmaAddress,
    ulong Size,
    string Attributes,
    DmaSingleApi Api = DmaSingleApi.Page) : TraceEvent(Header)
{
    public override string Name => Api == DmaSingleApi.Phys ? "dma_unmap_phys" : "dma_unmap_page";
    public override EventKind Kind => Api == DmaSingleApi.Phys ? EventKind.DmaUnmapPhys : EventKind.DmaUnmapPage;
}

/// <summary><c>dma:dma_map_sg</c> (6.12+): a scatterlist mapped.</summary>
/// <param name="EntriesIn">Entries handed to the mapping (<c>full_nents</c>; the second number of <c>nents=a/b</c>).</param>
/// <param name="EntriesMapped">Entries the mapping produced (<c>full_ents</c>; the second number of <c>ents=c/d</c>).</param>
/// <param name="Truncated">The kernel capped the arrays (at 128 entries): they hold fewer entries than were mapped.</param>
public sealed record DmaMapSg(
    EventHeader Header,
    string Device,
    DmaDirection Direction,
    int EntriesIn,
    int EntriesMapped,
    ValueArray<ulong> DmaAddresses,
    ValueArray<ulong> Sizes,
    ValueArray<ulong> PhysAddresses,
    string Attributes,
    bool Truncated = false) : TraceEvent(Header)
{
    public override string Name => "dma_map_sg";
    public override EventKind Kind => EventKind.DmaMapSg;

    /// <summary>Mapped entries the arrays do not show.</summary>
    public int EntriesNotShown => Math.Max(0, EntriesMapped - Math.Min(PhysAddresses.Length, Math.Min(DmaAddresses.Length, Sizes.Length)));
}

/// <summary><c>dma:dma_map_sg_err</c> (6.18+): a scatterlist map that failed; nothing of it stays mapped.</summary>
/// <param name="PhysAddresses">The list's original addresses (the format's <c>phys_addrs</c>, printed as <c>dma_addrs=</c>).</param>
/// <param name="Error">The negative errno the map returned (e.g. -12, -ENOMEM).</param>
public sealed record DmaMapSgError(
    EventHeader Header,
    string Device,
    DmaDirection Direction,
    ValueArray<ulong> PhysAddresses,
    int Error,
    string Attributes) : TraceEvent(Header)
{
    public override string Name => "dma_map_sg_err";
    public override EventKind Kind => EventKind.DmaMapSgError;
}

/// <summary><c>dma:dma_unmap_sg</c> (6.12+): a scatterlist unmapped, by original addresses.</summary>
public sealed record DmaUnmapSg(
    EventHeader Header,
    string Device,
    DmaDirection Direction,
    ValueArray<ulong> PhysAddresses,
    string Attributes) : TraceEvent(Header)
{
    public override string Name => "dma_unmap_sg";
    public override EventKind Kind => EventKind.DmaUnmapSg;
}
