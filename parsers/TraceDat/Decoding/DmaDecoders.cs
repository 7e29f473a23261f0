using Swiotlb.Trace.Binary;
using Swiotlb.Trace.Kernel;
using Swiotlb.Trace.TraceDat.Formats;

namespace Swiotlb.Trace.TraceDat.Decoding;

/// <summary>The <c>dma:*</c> mapping events: the shared <see cref="DmaEventDecoder"/> over the record's fields.</summary>
internal static class DmaDecoders
{
    public static RecordDecoder? For(EventFormat format, ByteOrder order)
    {
        if (!DmaEventDecoder.TryRecognise(format.Name, out var type) || RecordFields.Bind(format, DmaEventDecoder.FieldsOf(type)) is not { } bound)
        {
            return null;
        }

        return (header, record) =>
        {
            var fields = new RecordFields(record, order, bound);
            return DmaEventDecoder.Decode(type, header, ref fields);
        };
    }
}
