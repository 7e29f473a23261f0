using Swiotlb.Trace.Events;

namespace Swiotlb.Trace.Replay.Pairing;

/// <summary>An NVMe command and the mappings (its data segments, in scatterlist order) made for it.</summary>
/// <param name="Setup">The <c>nvme_setup_cmd</c> event.</param>
/// <param name="Device">The PCI device its segments were mapped for.</param>
/// <param name="Segments">Identifiers of the mappings, in the order the driver mapped them.</param>
/// <param name="Completion">The <c>nvme_complete_rq</c>, null when the capture ends first.</param>
public sealed record NvmeCommand(NvmeSetupCmd Setup, string Device, IReadOnlyList<int> Segments, NvmeCompleteRq? Completion)
{
    public int QueueId => Setup.QueueId;
    public ushort CommandId => Setup.CommandId;

    /// <summary>The driver prepared this command and handed it back (the batch path, <c>nvme_queue_rqs</c>); it was
    /// prepared again as the next setup of the same queue, tag, opcode and range, which is the one that counts.</summary>
    public bool Resubmitted { get; init; }
}
