using System.Buffers.Binary;
using Swiotlb.Trace.Binary;
using Swiotlb.Trace.Events;
using Swiotlb.Trace.Payloads;
using Swiotlb.Trace.TraceDat.Formats;

namespace Swiotlb.Trace.TraceDat.Decoding;

/// <summary>The <c>nvme:*</c> events, from their fields (their print formats call kernel helpers user space cannot run).</summary>
internal static class NvmeDecoders
{
    public static RecordDecoder? SetupCmd(EventFormat format, ByteOrder order)
    {
        if (format.Field("disk") is not { } disk || format.Field("qid") is not { } queue || format.Field("cid") is not { } command
            || format.Field("opcode") is not { } opcode || format.Field("nsid") is not { } ns || format.Field("cdw10") is not { } cdw10)
        {
            return null;
        }

        var controller = format.Field("ctrl_id");
        return (header, record) =>
        {
            var queueId = (int)queue.Integer(record, order);
            var op = (byte)opcode.Unsigned(record, order);
            return new NvmeSetupCmd(
                header,
                disk.Text(record, order),
                ControllerId(controller, record, order),
                queueId,
                (ushort)command.Unsigned(record, order),
                op,
                (uint)ns.Unsigned(record, order),
                queueId != 0 && NvmeOpcodes.CarriesBlockRange(op) ? BlockRange(cdw10.Bytes(record, order)) : null);
        };
    }

    public static RecordDecoder? CompleteRq(EventFormat format, ByteOrder order)
    {
        if (format.Field("disk") is not { } disk || format.Field("qid") is not { } queue || format.Field("cid") is not { } command
            || format.Field("result") is not { } result || format.Field("retries") is not { } retries
            || format.Field("flags") is not { } flags || format.Field("status") is not { } status)
        {
            return null;
        }

        var controller = format.Field("ctrl_id");
        return (header, record) => new NvmeCompleteRq(
            header,
            disk.Text(record, order),
            ControllerId(controller, record, order),
            (int)queue.Integer(record, order),
            (ushort)command.Unsigned(record, order),
            result.Unsigned(record, order),
            (int)retries.Integer(record, order),
            (int)flags.Integer(record, order),
            (int)status.Integer(record, order));
    }

    public static RecordDecoder? Sq(EventFormat format, ByteOrder order)
    {
        if (format.Field("disk") is not { } disk || format.Field("qid") is not { } queue
            || format.Field("sq_head") is not { } head || format.Field("sq_tail") is not { } tail)
        {
            return null;
        }

        var controller = format.Field("ctrl_id");
        return (header, record) => new NvmeSq(
            header,
            disk.Text(record, order),
            ControllerId(controller, record, order),
            (int)queue.Integer(record, order),
            (int)head.Integer(record, order),
            (int)tail.Integer(record, order));
    }

    private static int ControllerId(FieldFormat? controller, ReadOnlySpan<byte> record, ByteOrder order) =>
        controller is null ? -1 : (int)controller.Integer(record, order);

    /// <summary>slba = u64 LE at cdw10[0..8], length = u16 LE at [8..10] + 1 blocks (NVMe command dwords are little-endian).</summary>
    private static NvmeBlockRange? BlockRange(ReadOnlySpan<byte> cdw10) =>
        cdw10.Length < 10 ? null : new NvmeBlockRange(BinaryPrimitives.ReadUInt64LittleEndian(cdw10), BinaryPrimitives.ReadUInt16LittleEndian(cdw10[8..]) + 1u);
}
