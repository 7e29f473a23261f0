using Swiotlb.Trace.Events;
using Swiotlb.Trace.Text;

namespace Swiotlb.Trace.Payloads;

/// <summary>
/// The <c>dma:*</c> events (6.12+): kernel text (<c>DEV dir=TO_DEVICE dma_addr=HEX size=N phys_addr=HEX attrs=…</c>,
/// scatterlists as <c>{0x…,0x…}</c> with <c>nents=a/b ents=c/d</c>) and trace-cmd's field rendering
/// (<c>device=… full_nents=… dma_addrs=ARRAY[…] lengths=ARRAY[…] dir=1 attrs=0x100</c>).
/// </summary>
internal static class DmaDecoders
{
    public static DecodeResult MapPage(in EventHeader header, ReadOnlySpan<byte> payload, Utf8StringPool strings)
    {
        var fields = new FieldReader(payload, strings);
        var mapped = new DmaMapPage(header, Device(payload, ref fields, strings), Direction(ref fields, payload),
            fields.Hex("dma_addr"u8), fields.Number("size"u8), fields.Hex("phys_addr"u8), Attributes(payload, ref fields));
        return DecodeResult.From(mapped, fields.Problem);
    }

    public static DecodeResult UnmapPage(in EventHeader header, ReadOnlySpan<byte> payload, Utf8StringPool strings)
    {
        var fields = new FieldReader(payload, strings);
        var unmapped = new DmaUnmapPage(header, Device(payload, ref fields, strings), Direction(ref fields, payload),
            fields.Hex("dma_addr"u8), fields.Number("size"u8), Attributes(payload, ref fields));
        return DecodeResult.From(unmapped, fields.Problem);
    }

    public static DecodeResult MapScatterList(in EventHeader header, ReadOnlySpan<byte> payload, Utf8StringPool strings)
    {
        var fields = new FieldReader(payload, strings);
        var device = Device(payload, ref fields, strings);
        var direction = Direction(ref fields, payload);
        var entriesIn = EntryTotal(payload, "nents"u8, "full_nents"u8, ref fields);
        var entriesMapped = EntryTotal(payload, "ents"u8, "full_ents"u8, ref fields);
        var mapped = new DmaMapSg(header, device, direction, entriesIn, entriesMapped,
            fields.Array("dma_addrs"u8, default, 8), fields.Array("sizes"u8, "lengths"u8, 4), fields.Array("phys_addrs"u8, default, 8),
            Attributes(payload, ref fields));
        return DecodeResult.From(mapped, fields.Problem);
    }

    public static DecodeResult UnmapScatterList(in EventHeader header, ReadOnlySpan<byte> payload, Utf8StringPool strings)
    {
        var fields = new FieldReader(payload, strings);
        var unmapped = new DmaUnmapSg(header, Device(payload, ref fields, strings), Direction(ref fields, payload),
            fields.Array("phys_addrs"u8, "addrs"u8, 8), Attributes(payload, ref fields));
        return DecodeResult.From(unmapped, fields.Problem);
    }

    /// <summary><c>attrs=</c> as the kernel names the flags; a printer's number (<c>attrs=0x100</c>) is turned into the names.</summary>
    private static string Attributes(ReadOnlySpan<byte> payload, ref FieldReader fields) =>
        PayloadFields.TryGet(payload, "attrs"u8, out var text) && text.StartsWith("0x"u8) && PayloadFields.TryParseNumber(text, out var bits)
            ? DmaAttributeNames.Describe(bits)
            : fields.OptionalText("attrs"u8);

    /// <summary>The device is the first word (kernel text) or <c>device=</c> (trace-cmd).</summary>
    private static string Device(ReadOnlySpan<byte> payload, ref FieldReader fields, Utf8StringPool strings)
    {
        if (PayloadFields.TryGet(payload, "device"u8, out var named))
            return strings.Get(named);
        if (payload.StartsWith("[FAILED TO PARSE]"u8))
        {
            fields.Fail("expected device= in the dma event");
            return "";
        }
        var space = payload.IndexOf((byte)' ');
        return strings.Get(space < 0 ? payload : payload[..space]);
    }

    private static DmaDirection Direction(ref FieldReader fields, ReadOnlySpan<byte> payload)
    {
        if (!PayloadFields.TryGet(payload, "dir"u8, out var text))
        {
            fields.Fail("dir"u8, "a DMA direction");
            return DmaDirection.None;
        }
        if (text.SequenceEqual("TO_DEVICE"u8)) return DmaDirection.ToDevice;
        if (text.SequenceEqual("FROM_DEVICE"u8)) return DmaDirection.FromDevice;
        if (text.SequenceEqual("BIDIRECTIONAL"u8)) return DmaDirection.Bidirectional;
        if (text.SequenceEqual("NONE"u8)) return DmaDirection.None;
        if (PayloadFields.TryParseNumber(text, out var number) && number <= 3)
            return (DmaDirection)number;
        fields.Fail("dir"u8, "TO_DEVICE, FROM_DEVICE, BIDIRECTIONAL, NONE or 0–3");
        return DmaDirection.None;
    }

    /// <summary><c>nents=a/b</c> (Debian 6.12: printed/total), <c>nents=n</c>, or trace-cmd's <c>full_nents=n</c>: the total.</summary>
    private static int EntryTotal(ReadOnlySpan<byte> payload, ReadOnlySpan<byte> key, ReadOnlySpan<byte> fieldName, ref FieldReader fields)
    {
        if (PayloadFields.TryGet(payload, key, fieldName, out var text))
        {
            var slash = text.IndexOf((byte)'/');
            if (SpanText.TryParseInt(slash < 0 ? text : text[(slash + 1)..], out var total))
                return total;
        }
        fields.Fail(key, "an entry count");
        return 0;
    }
}
