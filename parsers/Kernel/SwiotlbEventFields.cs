namespace Swiotlb.Trace.Kernel;

/// <summary>
/// The fields of <c>swiotlb:swiotlb_bounced</c> (include/trace/events/swiotlb.h) and the arguments swiotrace's ground-truth
/// kprobes fetch (DOMAIN §4: <c>dev=%di orig=%si msize=%dx …</c>), by the names both give them.
/// </summary>
public static class SwiotlbEventFields
{
    /// <summary><c>swiotlb_bounced</c>: printed as <c>dev_name: DEV dma_mask=HEX dev_addr=HEX size=N FORCE</c>.</summary>
    public static class Bounced
    {
        /// <summary>The decision, a bool <c>force</c> from 5.19, an <c>enum swiotlb_force</c> before; the enum's names by value.</summary>
        public static IReadOnlyList<string> ForceNames { get; } = ["NORMAL", "FORCE", "NO_FORCE"];

        public static readonly EventField Device = new("dev_name", PrintedShape.LeadingString);
        public static readonly EventField DmaMask = new("dma_mask", PrintedShape.Hex);
        public static readonly EventField Address = new("dev_addr", PrintedShape.Hex);
        public static readonly EventField Size = new("size", PrintedShape.Decimal);
        public static readonly EventField Force = new("force", PrintedShape.Symbol, olderName: "swiotlb_force", symbols: ForceNames, optional: true);
        public static IReadOnlyList<EventField> All { get; } = [Device, DmaMask, Address, Size, Force];
    }

    /// <summary>The kprobes on <see cref="SwiotlbProbeSites"/>: the map's and unmap's arguments and the map's return value.</summary>
    public static class Probe
    {
        public static readonly EventField Device = new("dev", PrintedShape.Decimal);
        public static readonly EventField OriginalAddress = new("orig", PrintedShape.Decimal);
        public static readonly EventField BounceAddress = new("tlb", PrintedShape.Decimal);
        public static readonly EventField MappingSize = new("msize", PrintedShape.Decimal);
        public static readonly EventField AllocSize = new("asize", PrintedShape.Decimal, optional: true);
        public static readonly EventField AllocAlignMask = new("align", PrintedShape.Decimal, optional: true);
        public static readonly EventField Direction = new("dir", PrintedShape.Decimal);
        public static readonly EventField Attributes = new("attrs", PrintedShape.Decimal, optional: true);
        public static readonly EventField PoolStart = new("pool", PrintedShape.Decimal, optional: true);
        public static readonly EventField MinAlignMask = new("mam", PrintedShape.Decimal, optional: true);
        public static readonly EventField ReturnValue = new("ret", PrintedShape.Decimal);

        public static IReadOnlyList<EventField> MapEntry { get; } =
            [Device, OriginalAddress, MappingSize, AllocSize, AllocAlignMask, Direction, Attributes, PoolStart, MinAlignMask];
        public static IReadOnlyList<EventField> UnmapEntry { get; } = [Device, BounceAddress, MappingSize, AllocSize, Direction, Attributes];
        public static IReadOnlyList<EventField> MapReturn { get; } = [ReturnValue];
    }
}
