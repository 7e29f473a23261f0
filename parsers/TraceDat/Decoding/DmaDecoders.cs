using Swiotlb.Trace.Binary;
using Swiotlb.Trace.Events;
using Swiotlb.Trace.Payloads;
using Swiotlb.Trace.TraceDat.Formats;

namespace Swiotlb.Trace.TraceDat.Decoding;

/// <summary>The 6.12+ <c>dma:*</c> mapping events; scatterlists come from their dynamic arrays.</summary>
internal static class DmaDecoders
{
    public static RecordDecoder? MapPage(EventFormat format, ByteOrder order)
    {
        if (format.Field("device") is not { } device || format.Field("dir") is not { } dir || format.Field("dma_addr") is not { } dma
            || format.Field("size") is not { } size || format.Field("phys_addr") is not { } phys || format.Field("attrs") is not { } attrs)
        {
            return null;
        }

        return (header, record) => new DmaMapPage(
            header,
            device.Text(record, order),
            (DmaDirection)dir.Unsigned(record, order),
            dma.Unsigned(record, order),
            size.Unsigned(record, order),
            phys.Unsigned(record, order),
            DmaAttributeNames.Describe(attrs.Unsigned(record, order)));
    }

    public static RecordDecoder? UnmapPage(EventFormat format, ByteOrder order)
    {
        if (format.Field("device") is not { } device || format.Field("dir") is not { } dir || format.Field("addr") is not { } dma
            || format.Field("size") is not { } size || format.Field("attrs") is not { } attrs)
        {
            return null;
        }

        return (header, record) => new DmaUnmapPage(
            header,
            device.Text(record, order),
            (DmaDirection)dir.Unsigned(record, order),
            dma.Unsigned(record, order),
            size.Unsigned(record, order),
            DmaAttributeNames.Describe(attrs.Unsigned(record, order)));
    }

    public static RecordDecoder? MapSg(EventFormat format, ByteOrder order)
    {
        if (format.Field("device") is not { } device || format.Field("dir") is not { } dir
            || (format.Field("full_nents") ?? format.Field("nents")) is not { } entriesIn
            || (format.Field("full_ents") ?? format.Field("ents")) is not { } entriesMapped
            || format.Field("dma_addrs") is not { } dma || format.Field("lengths") is not { } sizes
            || format.Field("phys_addrs") is not { } phys || format.Field("attrs") is not { } attrs)
        {
            return null;
        }

        return (header, record) => new DmaMapSg(
            header,
            device.Text(record, order),
            (DmaDirection)dir.Unsigned(record, order),
            (int)entriesIn.Integer(record, order),
            (int)entriesMapped.Integer(record, order),
            dma.UnsignedArray(record, order),
            sizes.UnsignedArray(record, order),
            phys.UnsignedArray(record, order),
            DmaAttributeNames.Describe(attrs.Unsigned(record, order)));
    }

    public static RecordDecoder? UnmapSg(EventFormat format, ByteOrder order)
    {
        if (format.Field("device") is not { } device || format.Field("dir") is not { } dir
            || format.Field("addrs") is not { } phys || format.Field("attrs") is not { } attrs)
        {
            return null;
        }

        return (header, record) => new DmaUnmapSg(
            header,
            device.Text(record, order),
            (DmaDirection)dir.Unsigned(record, order),
            phys.UnsignedArray(record, order),
            DmaAttributeNames.Describe(attrs.Unsigned(record, order)));
    }
}
