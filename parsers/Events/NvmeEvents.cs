namespace Swiotlb.Trace.Events;

/// <summary>The logical block range of an NVMe I/O command, decoded from <c>cdw10..cdw12</c>.</summary>
/// <param name="StartLba">Starting LBA (<c>cdw10</c> | <c>cdw11</c> &lt;&lt; 32).</param>
/// <param name="BlockCount">Number of logical blocks (the 0-based NLB field + 1).</param>
public readonly record struct NvmeBlockRange(ulong StartLba, uint BlockCount);

/// <summary><c>nvme:nvme_setup_cmd</c>: the driver built a command.</summary>
/// <param name="Disk">The namespace's disk name (<c>nvme0n1</c>), empty for admin commands.</param>
/// <param name="ControllerId">The <c>nvme%d</c> instance, or -1 when the rendering does not give it.</param>
/// <param name="Range">The LBA range for read/write-class commands, null when not an I/O command or when the rendering lost the bytes.</param>
public sealed record NvmeSetupCmd(
    EventHeader Header,
    string Disk,
    int ControllerId,
    int QueueId,
    ushort CommandId,
    byte Opcode,
    uint NamespaceId,
    NvmeBlockRange? Range) : TraceEvent(Header)
{
    public override string Name => "nvme_setup_cmd";
    public override EventKind Kind => EventKind.NvmeSetupCmd;

    /// <summary>The command's flags byte; bits 6–7 (PSDT) say whether data is described by PRPs (0) or SGLs.</summary>
    public byte Flags { get; init; }

    /// <summary>True when the command describes its data with SGLs, where buffer offsets need no page alignment.</summary>
    public bool UsesSgl => (Flags & 0xc0) != 0;
}

/// <summary><c>nvme:nvme_complete_rq</c>: a command completed.</summary>
public sealed record NvmeCompleteRq(
    EventHeader Header,
    string Disk,
    int ControllerId,
    int QueueId,
    ushort CommandId,
    ulong Result,
    int Retries,
    int Flags,
    int Status) : TraceEvent(Header)
{
    public override string Name => "nvme_complete_rq";
    public override EventKind Kind => EventKind.NvmeCompleteRq;
}

/// <summary><c>nvme:nvme_sq</c>: the controller reported a new submission-queue head.</summary>
public sealed record NvmeSq(
    EventHeader Header,
    string Disk,
    int ControllerId,
    int QueueId,
    int SqHead,
    int SqTail) : TraceEvent(Header)
{
    public override string Name => "nvme_sq";
    public override EventKind Kind => EventKind.NvmeSq;
}
