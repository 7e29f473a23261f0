namespace Swiotlb.Trace.Diff.Nvme;

/// <summary>The driver and the controller one command goes through: both decide what its data pointer is.</summary>
public sealed record NvmeDataPath(NvmeDriverGeneration Driver, NvmeController Controller)
{
    /// <param name="payloadBytes">The request's bytes when more than the mapped segments hold (the DMA iterator maps a
    /// segment only when its walk reaches it); null: the segments' sum.</param>
    public PrpVerdict Judge(IReadOnlyList<DataSegment> segments, int queueId, ulong? payloadBytes = null)
    {
        var payload = Math.Max(payloadBytes ?? 0, NvmeDriver.Payload(segments));
        return NvmeControllerCheck.Check(NvmeDriver.Map(segments, payload, queueId, Driver, Controller), segments, payload);
    }
}
