using Swiotlb.Trace.Binary;
using Swiotlb.Trace.Events;
using Swiotlb.Trace.TraceDat.Formats;

namespace Swiotlb.Trace.TraceDat.Decoding;

/// <summary><c>swiotlb:swiotlb_bounced</c>, whose decision is a bool <c>force</c> (5.19+) or an <c>enum swiotlb_force</c> (earlier).</summary>
internal static class SwiotlbDecoders
{
    public static RecordDecoder? Bounced(EventFormat format, ByteOrder order)
    {
        if (format.Field("dev_name") is not { } device || format.Field("dma_mask") is not { } mask
            || format.Field("dev_addr") is not { } address || format.Field("size") is not { } size)
        {
            return null;
        }

        var force = format.Field("force") ?? format.Field("swiotlb_force");
        return (header, record) => new SwiotlbBounced(
            header,
            device.Text(record, order),
            mask.Unsigned(record, order),
            address.Unsigned(record, order),
            size.Unsigned(record, order),
            force is null ? BounceForce.Normal : (BounceForce)force.Unsigned(record, order));
    }
}
