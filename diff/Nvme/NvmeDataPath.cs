namespace Swiotlb.Trace.Diff.Nvme;

/// <summary>The driver and the controller one command goes through: both decide what its data pointer is.</summary>
public sealed record NvmeDataPath(NvmeDriverGeneration Driver, NvmeController Controller)
{
    /// <param name="payloadBytes">The request's data bytes, which the DMA iterator driver may not have mapped whole (it maps
    /// a segment only when its walk reaches it); the scatterlist driver maps every segment, so their sum is its payload.</param>
    public PrpVerdict Judge(IReadOnlyList<DataSegment> segments, int queueId, ulong? payloadBytes = null)
    {
        var mapped = NvmeDriver.Payload(segments);
        var payload = Driver == NvmeDriverGeneration.DmaIterator ? Math.Max(payloadBytes ?? 0, mapped) : mapped;
        return NvmeControllerCheck.Check(NvmeDriver.Map(segments, payload, queueId, Driver, Controller), segments, payload);
    }
}
