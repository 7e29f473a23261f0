using Swiotlb.Trace.Events;
using Swiotlb.Trace.Text;

namespace Swiotlb.Trace.Payloads;

/// <summary><c>dev_name: DEV dma_mask=HEX dev_addr=HEX size=N FORCE</c>; the last word is the 5.10 enum, the 5.19+ bool, or trace-cmd's number.</summary>
internal static class SwiotlbBouncedDecoder
{
    public static DecodeResult Decode(in EventHeader header, ReadOnlySpan<byte> payload, Utf8StringPool strings)
    {
        if (!payload.StartsWith("dev_name: "u8))
            return DecodeResult.Malformed("expected 'dev_name: DEVICE' at the start of swiotlb_bounced");
        var afterName = payload[10..];
        var nameEnd = afterName.IndexOf((byte)' ');
        if (nameEnd <= 0)
            return DecodeResult.Malformed("expected a device name after 'dev_name: '");
        var fields = new FieldReader(afterName, strings);
        var dmaMask = fields.Hex("dma_mask"u8);
        var original = fields.Hex("dev_addr"u8);
        var size = fields.Number("size"u8);
        var lastSpace = payload.LastIndexOf((byte)' ');
        if (!TryParseForce(payload[(lastSpace + 1)..], out var force))
            fields.Fail("expected FORCE, NORMAL, NO_FORCE or a number as the last word of swiotlb_bounced");
        return DecodeResult.From(
            new SwiotlbBounced(header, strings.Get(afterName[..nameEnd]), dmaMask, original, size, force), fields.Problem);
    }

    private static bool TryParseForce(ReadOnlySpan<byte> word, out BounceForce force)
    {
        if (word.SequenceEqual("FORCE"u8))
            force = BounceForce.Force;
        else if (word.SequenceEqual("NORMAL"u8))
            force = BounceForce.Normal;
        else if (word.SequenceEqual("NO_FORCE"u8))
            force = BounceForce.NoForce;
        else if (PayloadFields.TryParseNumber(word, out var number) && number <= 2)
            force = (BounceForce)number;
        else
        {
            force = default;
            return false;
        }
        return true;
    }
}
