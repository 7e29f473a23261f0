using System.Globalization;
using System.Text;
using Swiotlb.Trace.Binary;
using Swiotlb.Trace.Events;
using Swiotlb.Trace.TraceDat.Formats;

namespace Swiotlb.Trace.TraceDat.Decoding;

/// <summary>Any event without a typed record: kept as a <see cref="GenericEvent"/> whose payload lists its fields as <c>name=value</c>.</summary>
internal static class GenericDecoder
{
    public static RecordDecoder For(EventFormat format, ByteOrder order) =>
        (header, record) => new GenericEvent(header, format.Name, Payload(format, record, order));

    public static string Payload(EventFormat format, ReadOnlySpan<byte> record, ByteOrder order)
    {
        var text = new StringBuilder();
        foreach (var field in format.Fields)
        {
            if (text.Length > 0)
            {
                text.Append(' ');
            }

            text.Append(field.Name).Append('=');
            AppendValue(text, field, record, order);
        }

        return text.ToString();
    }

    private static void AppendValue(StringBuilder text, FieldFormat field, ReadOnlySpan<byte> record, ByteOrder order)
    {
        if (field.IsString)
        {
            text.Append(field.Text(record, order));
        }
        else if (field.IsArray)
        {
            text.Append('[').AppendJoin(", ", field.UnsignedArray(record, order).Select(v => "0x" + v.ToString("x", CultureInfo.InvariantCulture))).Append(']');
        }
        else if (field.Size is 1 or 2 or 4 or 8)
        {
            text.Append(field.IsSigned
                ? field.Integer(record, order).ToString(CultureInfo.InvariantCulture)
                : "0x" + field.Unsigned(record, order).ToString("x", CultureInfo.InvariantCulture));
        }
        else
        {
            text.Append(Convert.ToHexString(field.Bytes(record, order)));
        }
    }
}
