using System.Globalization;
using Swiotlb.Trace.Binary;
using Swiotlb.Trace.Events;
using Swiotlb.Trace.TraceDat.Formats;

namespace Swiotlb.Trace.TraceDat.Decoding;

/// <summary><c>block:block_rq_issue</c> and <c>block_rq_complete</c>.</summary>
internal static class BlockDecoders
{
    private const int MinorBits = 20;

    public static RecordDecoder? RqIssue(EventFormat format, ByteOrder order)
    {
        if (format.Field("dev") is not { } dev || format.Field("rwbs") is not { } rwbs || format.Field("bytes") is not { } bytes
            || format.Field("sector") is not { } sector || format.Field("nr_sector") is not { } count || format.Field("comm") is not { } comm)
        {
            return null;
        }

        var ioprio = format.Field("ioprio");
        return (header, record) => new BlockRqIssue(
            header,
            Device(dev, record, order),
            rwbs.Text(record, order),
            (uint)bytes.Unsigned(record, order),
            sector.Unsigned(record, order),
            (uint)count.Unsigned(record, order),
            IoPriority(ioprio, record, order),
            comm.Text(record, order));
    }

    public static RecordDecoder? RqComplete(EventFormat format, ByteOrder order)
    {
        if (format.Field("dev") is not { } dev || format.Field("rwbs") is not { } rwbs || format.Field("sector") is not { } sector
            || format.Field("nr_sector") is not { } count || format.Field("error") is not { } error)
        {
            return null;
        }

        var ioprio = format.Field("ioprio");
        return (header, record) => new BlockRqComplete(
            header,
            Device(dev, record, order),
            rwbs.Text(record, order),
            sector.Unsigned(record, order),
            (uint)count.Unsigned(record, order),
            IoPriority(ioprio, record, order),
            (int)error.Integer(record, order));
    }

    private static DeviceNumber Device(FieldFormat dev, ReadOnlySpan<byte> record, ByteOrder order)
    {
        var value = dev.Unsigned(record, order);
        return new DeviceNumber((int)(value >> MinorBits), (int)(value & ((1u << MinorBits) - 1)));
    }

    /// <summary>The 6.11+ column as the kernel prints it: <c>class,hint,level</c>, e.g. <c>be,0,4</c>.</summary>
    private static string? IoPriority(FieldFormat? ioprio, ReadOnlySpan<byte> record, ByteOrder order)
    {
        if (ioprio is null)
        {
            return null;
        }

        var value = ioprio.Unsigned(record, order);
        var priorityClass = (value >> 13) & 7;
        var className = priorityClass switch
        {
            0 => "none",
            1 => "rt",
            2 => "be",
            3 => "idle",
            7 => "invalid",
            _ => priorityClass.ToString(CultureInfo.InvariantCulture),
        };
        return string.Create(CultureInfo.InvariantCulture, $"{className},{(value >> 3) & 0x3ff},{value & 7}");
    }
}
