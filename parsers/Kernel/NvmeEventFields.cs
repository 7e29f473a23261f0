namespace Swiotlb.Trace.Kernel;

/// <summary>
/// The fields of the <c>nvme:*</c> events (drivers/nvme/host/trace.h). Their print formats call kernel helpers user space cannot
/// run: the kernel prints <c>nvme0: disk=nvme0n1, qid=2, cmdid=…, nsid=1, flags=0x0, meta=0x0, cmd=(nvme_cmd_write slba=0, len=7, …)</c>,
/// where <c>ctrl_id</c> is the <c>nvmeN:</c> prefix, the opcode a name and <c>cdw10</c> the command's decoded words.
/// </summary>
public static class NvmeEventFields
{
    public static readonly EventField Disk = new("disk", PrintedShape.Text);
    public static readonly EventField ControllerId = new("ctrl_id", PrintedShape.Decimal, optional: true);
    public static readonly EventField QueueId = new("qid", PrintedShape.Decimal);
    public static readonly EventField CommandId = new("cid", PrintedShape.Decimal, printedAs: "cmdid");
    public static readonly EventField Flags = new("flags", PrintedShape.Decimal);

    /// <summary><c>nvme_setup_cmd</c>: cdw10..cdw15 as the command carries them, little-endian.</summary>
    public static class Setup
    {
        public static readonly EventField Opcode = new("opcode", PrintedShape.Decimal);
        public static readonly EventField NamespaceId = new("nsid", PrintedShape.Decimal);
        public static readonly EventField Cdw10 = new("cdw10", PrintedShape.Bytes);
        public static IReadOnlyList<EventField> All { get; } = [Disk, ControllerId, QueueId, CommandId, Opcode, NamespaceId, Cdw10, Flags];
    }

    /// <summary><c>nvme_complete_rq</c>.</summary>
    public static class Completion
    {
        public static readonly EventField Result = new("result", PrintedShape.Decimal, printedAs: "res");
        public static readonly EventField Retries = new("retries", PrintedShape.Decimal);
        public static readonly EventField Status = new("status", PrintedShape.Decimal);
        public static IReadOnlyList<EventField> All { get; } = [Disk, ControllerId, QueueId, CommandId, Result, Retries, Flags, Status];
    }

    /// <summary><c>nvme_sq</c>: the submission queue's head as the controller reported it, and the tail.</summary>
    public static class SubmissionQueue
    {
        public static readonly EventField Head = new("sq_head", PrintedShape.Decimal, printedAs: "head");
        public static readonly EventField Tail = new("sq_tail", PrintedShape.Decimal, printedAs: "tail");
        public static IReadOnlyList<EventField> All { get; } = [Disk, ControllerId, QueueId, Head, Tail];
    }
}
