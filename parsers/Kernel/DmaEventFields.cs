namespace Swiotlb.Trace.Kernel;

/// <summary>
/// The fields of the <c>dma:*</c> mapping events (include/trace/events/dma.h, 6.12 to 7.3) and how the kernel prints them.
/// Where the print key differs from the field name, the text is the kernel's: <c>dma_unmap_phys</c>'s <c>addr</c> prints as
/// <c>dma_addr=</c>, <c>dma_map_sg_err</c>'s <c>phys_addrs</c> as <c>dma_addrs=</c>, <c>dma_unmap_sg</c>'s <c>addrs</c> as <c>phys_addrs=</c>.
/// </summary>
public static class DmaEventFields
{
    /// <summary>The scatterlist arrays' cap: <c>dma_map_sg</c> records at most this many entries (<c>nents=min(n,128)/n</c>).</summary>
    public const int ScatterListCap = 128;

    public static readonly IReadOnlyList<string> Directions = ["BIDIRECTIONAL", "TO_DEVICE", "FROM_DEVICE", "NONE"];

    public static readonly EventField Device = new("device", PrintedShape.LeadingString);
    public static readonly EventField Direction = new("dir", PrintedShape.Symbol, symbols: Directions);
    public static readonly EventField Attributes = new("attrs", PrintedShape.Words, words: FlagNames.DmaAttributes);

    /// <summary><c>dma_map_page</c> / <c>dma_map_phys</c>.</summary>
    public static class MapSingle
    {
        public static readonly EventField PhysAddress = new("phys_addr", PrintedShape.Hex);
        public static readonly EventField DmaAddress = new("dma_addr", PrintedShape.Hex);
        public static readonly EventField Size = new("size", PrintedShape.Decimal);
        public static readonly IReadOnlyList<EventField> All = [Device, PhysAddress, DmaAddress, Size, Direction, Attributes];
    }

    /// <summary><c>dma_unmap_page</c> / <c>dma_unmap_phys</c>.</summary>
    public static class UnmapSingle
    {
        public static readonly EventField Address = new("addr", PrintedShape.Hex, printedAs: "dma_addr");
        public static readonly EventField Size = new("size", PrintedShape.Decimal);
        public static readonly IReadOnlyList<EventField> All = [Device, Address, Size, Direction, Attributes];
    }

    /// <summary><c>dma_map_sg</c>: full counts, a truncated flag and arrays capped at <see cref="ScatterListCap"/>.</summary>
    public static class MapSg
    {
        public static readonly EventField EntriesIn = new("full_nents", PrintedShape.ShownOfTotal, printedAs: "nents", olderName: "nents");
        public static readonly EventField EntriesMapped = new("full_ents", PrintedShape.ShownOfTotal, printedAs: "ents", olderName: "ents");
        public static readonly EventField Truncated = new("truncated", PrintedShape.Marker, printedAs: " [TRUNCATED]");
        public static readonly EventField PhysAddresses = new("phys_addrs", PrintedShape.Array);
        public static readonly EventField DmaAddresses = new("dma_addrs", PrintedShape.Array);
        public static readonly EventField Lengths = new("lengths", PrintedShape.Array, printedAs: "sizes", elementBytes: 4);
        public static readonly IReadOnlyList<EventField> All =
            [Device, EntriesIn, EntriesMapped, Truncated, PhysAddresses, DmaAddresses, Lengths, Direction, Attributes];
    }

    /// <summary><c>dma_map_sg_err</c>: a failed scatterlist map.</summary>
    public static class MapSgError
    {
        public static readonly EventField PhysAddresses = new("phys_addrs", PrintedShape.Array, printedAs: "dma_addrs");
        public static readonly EventField Error = new("err", PrintedShape.Decimal);
        public static readonly IReadOnlyList<EventField> All = [Device, PhysAddresses, Error, Direction, Attributes];
    }

    /// <summary><c>dma_unmap_sg</c>: by original addresses.</summary>
    public static class UnmapSg
    {
        public static readonly EventField Addresses = new("addrs", PrintedShape.Array, printedAs: "phys_addrs");
        public static readonly IReadOnlyList<EventField> All = [Device, Addresses, Direction, Attributes];
    }
}
