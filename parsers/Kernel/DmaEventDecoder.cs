using Swiotlb.Trace.Events;
using static Swiotlb.Trace.Kernel.DmaEventFields;

namespace Swiotlb.Trace.Kernel;

/// <summary>The <c>dma:*</c> mapping events swiotrace types.</summary>
public enum DmaEventType { MapPage, UnmapPage, MapPhys, UnmapPhys, MapSg, MapSgError, UnmapSg }

/// <summary>
/// Types the <c>dma:*</c> mapping events from their fields, for every reader: text readers pass the printed fields, trace.dat
/// its records (<see cref="IEventFields"/>). Events bind by name, never by id.
/// </summary>
public static class DmaEventDecoder
{
    private static readonly (string Name, byte[] Utf8, DmaEventType Type)[] Names =
    [
        ("dma_map_page", "dma_map_page"u8.ToArray(), DmaEventType.MapPage),
        ("dma_unmap_page", "dma_unmap_page"u8.ToArray(), DmaEventType.UnmapPage),
        ("dma_map_phys", "dma_map_phys"u8.ToArray(), DmaEventType.MapPhys),
        ("dma_unmap_phys", "dma_unmap_phys"u8.ToArray(), DmaEventType.UnmapPhys),
        ("dma_map_sg", "dma_map_sg"u8.ToArray(), DmaEventType.MapSg),
        ("dma_map_sg_err", "dma_map_sg_err"u8.ToArray(), DmaEventType.MapSgError),
        ("dma_unmap_sg", "dma_unmap_sg"u8.ToArray(), DmaEventType.UnmapSg),
    ];

    public static bool TryRecognise(ReadOnlySpan<byte> name, out DmaEventType type)
    {
        foreach (var known in Names)
        {
            if (name.SequenceEqual(known.Utf8))
            {
                type = known.Type;
                return true;
            }
        }
        type = default;
        return false;
    }

    public static bool TryRecognise(string name, out DmaEventType type)
    {
        foreach (var known in Names)
        {
            if (name == known.Name)
            {
                type = known.Type;
                return true;
            }
        }
        type = default;
        return false;
    }

    /// <summary>The fields an event of <paramref name="type"/> has; a format lacking one of them (not optional) is not this event.</summary>
    public static IReadOnlyList<EventField> FieldsOf(DmaEventType type) => type switch
    {
        DmaEventType.MapPage or DmaEventType.MapPhys => MapSingle.All,
        DmaEventType.UnmapPage or DmaEventType.UnmapPhys => UnmapSingle.All,
        DmaEventType.MapSg => MapSg.All,
        DmaEventType.MapSgError => MapSgError.All,
        _ => UnmapSg.All,
    };

    public static TraceEvent Decode<TFields>(DmaEventType type, in EventHeader header, ref TFields fields)
        where TFields : IEventFields, allows ref struct => type switch
    {
        DmaEventType.MapPage => MapSingleOf(header, ref fields, DmaSingleApi.Page),
        DmaEventType.MapPhys => MapSingleOf(header, ref fields, DmaSingleApi.Phys),
        DmaEventType.UnmapPage => UnmapSingleOf(header, ref fields, DmaSingleApi.Page),
        DmaEventType.UnmapPhys => UnmapSingleOf(header, ref fields, DmaSingleApi.Phys),
        DmaEventType.MapSg => MapSgOf(header, ref fields),
        DmaEventType.MapSgError => MapSgErrorOf(header, ref fields),
        _ => UnmapSgOf(header, ref fields),
    };

    private static DmaMapSingle MapSingleOf<TFields>(in EventHeader header, ref TFields fields, DmaSingleApi api)
        where TFields : IEventFields, allows ref struct =>
        new(header, fields.String(Device), DirectionOf(ref fields), fields.Unsigned(MapSingle.DmaAddress), fields.Unsigned(MapSingle.Size),
            fields.Unsigned(MapSingle.PhysAddress), AttributesOf(ref fields), api);

    private static DmaUnmapSingle UnmapSingleOf<TFields>(in EventHeader header, ref TFields fields, DmaSingleApi api)
        where TFields : IEventFields, allows ref struct =>
        new(header, fields.String(Device), DirectionOf(ref fields), fields.Unsigned(UnmapSingle.Address), fields.Unsigned(UnmapSingle.Size),
            AttributesOf(ref fields), api);

    /// <summary>Truncated when the kernel says so, or when the arrays hold fewer entries than were mapped (older printers).</summary>
    private static DmaMapSg MapSgOf<TFields>(in EventHeader header, ref TFields fields)
        where TFields : IEventFields, allows ref struct
    {
        var list = new DmaMapSg(header, fields.String(Device), DirectionOf(ref fields), (int)fields.Unsigned(MapSg.EntriesIn),
            (int)fields.Unsigned(MapSg.EntriesMapped), fields.Array(MapSg.DmaAddresses), fields.Array(MapSg.Lengths),
            fields.Array(MapSg.PhysAddresses), AttributesOf(ref fields), fields.IsSet(MapSg.Truncated));
        return list.Truncated || list.EntriesNotShown == 0 ? list : list with { Truncated = true };
    }

    private static DmaMapSgError MapSgErrorOf<TFields>(in EventHeader header, ref TFields fields)
        where TFields : IEventFields, allows ref struct =>
        new(header, fields.String(Device), DirectionOf(ref fields), fields.Array(MapSgError.PhysAddresses),
            (int)fields.Signed(MapSgError.Error), AttributesOf(ref fields));

    private static DmaUnmapSg UnmapSgOf<TFields>(in EventHeader header, ref TFields fields)
        where TFields : IEventFields, allows ref struct =>
        new(header, fields.String(Device), DirectionOf(ref fields), fields.Array(UnmapSg.Addresses), AttributesOf(ref fields));

    /// <summary>Empty when a printer left the field out.</summary>
    private static string AttributesOf<TFields>(ref TFields fields) where TFields : IEventFields, allows ref struct =>
        fields.Words(DmaEventFields.Attributes) ?? "";

    private static DmaDirection DirectionOf<TFields>(ref TFields fields) where TFields : IEventFields, allows ref struct =>
        (DmaDirection)fields.Unsigned(DmaEventFields.Direction);
}
