using System.Buffers.Binary;
using Swiotlb.Trace.Events;
using static Swiotlb.Trace.Kernel.NvmeEventFields;

namespace Swiotlb.Trace.Kernel;

/// <summary>Types the <c>nvme:*</c> events from their fields, for every reader.</summary>
public static class NvmeEventDecoder
{
    /// <summary>Fields read in the order the kernel prints them, so that a text reader names the first one missing.</summary>
    public static TraceEvent SetupCommand<TFields>(in EventHeader header, ref TFields fields) where TFields : IEventFields, allows ref struct
    {
        var disk = DiskOf(ref fields);
        var controller = ControllerOf(ref fields);
        var queue = (int)fields.Signed(QueueId);
        var command = (ushort)fields.Unsigned(CommandId);
        var ns = (uint)fields.Unsigned(Setup.NamespaceId);
        var opcode = (byte)fields.Unsigned(Setup.Opcode);
        var range = queue != 0 && NvmeOpcodes.CarriesBlockRange(opcode) ? BlockRange(ref fields) : null;
        var flags = (byte)fields.Unsigned(Flags);
        return new NvmeSetupCmd(header, disk, controller, queue, command, opcode, ns, range) { Flags = flags };
    }

    public static TraceEvent CompleteRequest<TFields>(in EventHeader header, ref TFields fields) where TFields : IEventFields, allows ref struct =>
        new NvmeCompleteRq(header, DiskOf(ref fields), ControllerOf(ref fields), (int)fields.Signed(QueueId),
            (ushort)fields.Unsigned(CommandId), fields.Unsigned(Completion.Result), (int)fields.Signed(Completion.Retries),
            (int)fields.Signed(Flags), (int)fields.Signed(Completion.Status));

    public static TraceEvent SubmissionQueueHead<TFields>(in EventHeader header, ref TFields fields) where TFields : IEventFields, allows ref struct =>
        new NvmeSq(header, DiskOf(ref fields), ControllerOf(ref fields), (int)fields.Signed(QueueId),
            (int)fields.Signed(SubmissionQueue.Head), (int)fields.Signed(SubmissionQueue.Tail));

    /// <summary>Empty for admin commands, which have no disk.</summary>
    private static string DiskOf<TFields>(ref TFields fields) where TFields : IEventFields, allows ref struct =>
        fields.TryString(Disk, out var disk) ? disk : "";

    /// <summary>-1 when neither the format nor the rendering gives it.</summary>
    private static int ControllerOf<TFields>(ref TFields fields) where TFields : IEventFields, allows ref struct =>
        fields.TryUnsigned(ControllerId, out var id) ? unchecked((int)id) : -1;

    /// <summary>slba = u64 LE at cdw10[0..8], length = u16 LE at [8..10] + 1 blocks; null when the rendering lost the bytes.</summary>
    private static NvmeBlockRange? BlockRange<TFields>(ref TFields fields) where TFields : IEventFields, allows ref struct
    {
        Span<byte> cdw10 = stackalloc byte[10];
        return fields.Bytes(Setup.Cdw10, cdw10) < cdw10.Length
            ? null
            : new NvmeBlockRange(BinaryPrimitives.ReadUInt64LittleEndian(cdw10), BinaryPrimitives.ReadUInt16LittleEndian(cdw10[8..]) + 1u);
    }
}
