using System.Buffers.Binary;
using System.Text;
using Swiotlb.Trace.Binary;
using Swiotlb.Trace.Events;
using Swiotlb.Trace.TraceDat.Decoding;
using Swiotlb.Trace.TraceDat.Formats;
using Swiotlb.Trace.TraceDat.Metadata;
using Swiotlb.Trace.Tests.Support;

namespace Swiotlb.Trace.Tests.Kernel;

/// <summary>Encodes a little-endian ring-buffer record for a real tracefs format (fixed fields at their offsets, dynamic
/// arrays behind <c>__data_loc</c> locators after them) and decodes it the way the trace.dat reader does.</summary>
internal static class FormatRecord
{
    public static string FormatsFile(string name) => Path.Combine(Samples.Root, "samples", "formats", name);

    /// <summary>One event's format out of a file of <c>### …/events/SYSTEM/NAME/format</c> sections.</summary>
    public static EventFormat Format(string formatsFile, string system, string name)
    {
        var sections = File.ReadAllText(formatsFile).Split("### ");
        var section = sections.Single(s => s.StartsWith($"tracing/events/{system}/{name}/format", StringComparison.Ordinal)
            || s.StartsWith($"/sys/kernel/tracing/events/{system}/{name}/format", StringComparison.Ordinal));
        return EventFormatParser.Parse(system, section) ?? throw new InvalidOperationException($"no format for {name}");
    }

    /// <summary>Values by field name: <see cref="ulong"/> for scalars, <see cref="string"/> for strings, <see cref="ulong"/>[] for arrays.</summary>
    public static byte[] Encode(EventFormat format, IReadOnlyDictionary<string, object> values)
    {
        var fixedSize = format.Fields.Max(f => f.Offset + f.Size);
        var record = new List<byte>(new byte[fixedSize]);
        BinaryPrimitives.WriteUInt16LittleEndian(CollectionsMarshalSpan(record, 0, 2), (ushort)format.Id);
        foreach (var field in format.Fields)
        {
            if (!values.TryGetValue(field.Name, out var value))
                continue;
            if (field.Location == FieldLocation.Inline)
            {
                var bytes = new byte[8];
                BinaryPrimitives.WriteUInt64LittleEndian(bytes, Convert.ToUInt64(value));
                for (var i = 0; i < field.Size; i++)
                    record[field.Offset + i] = bytes[i];
                continue;
            }
            var data = value is string text ? [.. Encoding.UTF8.GetBytes(text), (byte)0] : Elements((ulong[])value, field.ElementSize);
            var locator = ((uint)data.Length << 16) | (uint)record.Count;
            BinaryPrimitives.WriteUInt32LittleEndian(CollectionsMarshalSpan(record, field.Offset, 4), locator);
            record.AddRange(data);
        }
        return [.. record];
    }

    public static TraceEvent Decode(EventFormat format, byte[] record, EventHeader header) =>
        EventDecoders.For(format, new ByteOrder(IsBigEndian: false), KernelSymbols.Empty, _ => { })(header, record);

    private static byte[] Elements(ulong[] values, int size)
    {
        var bytes = new byte[values.Length * size];
        for (var i = 0; i < values.Length; i++)
        {
            var element = new byte[8];
            BinaryPrimitives.WriteUInt64LittleEndian(element, values[i]);
            Array.Copy(element, 0, bytes, i * size, size);
        }
        return bytes;
    }

    private static Span<byte> CollectionsMarshalSpan(List<byte> list, int offset, int length) =>
        System.Runtime.InteropServices.CollectionsMarshal.AsSpan(list).Slice(offset, length);
}
