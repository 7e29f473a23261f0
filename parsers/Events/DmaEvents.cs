namespace Swiotlb.Trace.Events;

/// <summary>The DMA direction as the <c>dma:*</c> events print it.</summary>
public enum DmaDirection
{
    Bidirectional = 0,
    ToDevice = 1,
    FromDevice = 2,
    None = 3,
}

/// <summary><c>dma:dma_map_page</c> (6.12+): a page mapped; under swiotlb <see cref="DmaAddress"/> is the bounce address.</summary>
public sealed record DmaMapPage(
    EventHeader Header,
    string Device,
    DmaDirection Direction,
    ulong DmaAddress,
    ulong Size,
    ulong PhysAddress,
    string Attributes) : TraceEvent(Header)
{
    public override string Name => "dma_map_page";
    public override EventKind Kind => EventKind.DmaMapPage;
}

/// <summary><c>dma:dma_unmap_page</c> (6.12+).</summary>
public sealed record DmaUnmapPage(
    EventHeader Header,
    string Device,
    DmaDirection Direction,
    ulong DmaAddress,
    ulong Size,
    string Attributes) : TraceEvent(Header)
{
    public override string Name => "dma_unmap_page";
    public override EventKind Kind => EventKind.DmaUnmapPage;
}

/// <summary><c>dma:dma_map_sg</c> (6.12+): a scatterlist mapped.</summary>
/// <param name="EntriesIn">Entries handed to the mapping (<c>nents</c>); the second number of <c>nents=a/b</c> is the list's full length.</param>
/// <param name="EntriesMapped">Entries the mapping produced (<c>ents</c>).</param>
/// <remarks>Debian 6.12 caps the printed arrays at 128 entries; the arrays hold what the capture gives.</remarks>
public sealed record DmaMapSg(
    EventHeader Header,
    string Device,
    DmaDirection Direction,
    int EntriesIn,
    int EntriesMapped,
    ValueArray<ulong> DmaAddresses,
    ValueArray<ulong> Sizes,
    ValueArray<ulong> PhysAddresses,
    string Attributes) : TraceEvent(Header)
{
    public override string Name => "dma_map_sg";
    public override EventKind Kind => EventKind.DmaMapSg;
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
