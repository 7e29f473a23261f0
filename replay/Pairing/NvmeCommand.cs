using Swiotlb.Trace.Events;

namespace Swiotlb.Trace.Replay.Pairing;

/// <summary>An NVMe command and the mappings (its data segments, in scatterlist order) made for it.</summary>
/// <param name="Setup">The <c>nvme_setup_cmd</c> event.</param>
/// <param name="Device">The PCI device its segments were mapped for.</param>
/// <param name="Segments">Identifiers of the mappings, in the order the driver mapped them.</param>
/// <param name="Completion">The <c>nvme_complete_rq</c>, null when the capture ends first.</param>
/// <param name="PayloadBytes">The request's data bytes: its <c>block_rq_issue</c>, else its block count times the disk's
/// block size seen so far; null when neither shows. The driver's DMA iterator (6.17+) may map only some segments, so
/// the payload can exceed what the segments hold.</param>
public sealed record NvmeCommand(NvmeSetupCmd Setup, string Device, IReadOnlyList<int> Segments, NvmeCompleteRq? Completion, ulong? PayloadBytes = null)
{
    public int QueueId => Setup.QueueId;
    public ushort CommandId => Setup.CommandId;

    /// <summary>The driver prepared this command and handed it back (the batch path, <c>nvme_queue_rqs</c>); it was
    /// prepared again as the next setup of the same queue, tag, opcode and range, which is the one that counts.</summary>
    public bool Resubmitted { get; init; }
}
