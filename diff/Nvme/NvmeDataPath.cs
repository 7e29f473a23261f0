namespace Swiotlb.Trace.Diff.Nvme;

/// <summary>The driver and the controller one command goes through: both decide what its data pointer is.</summary>
public sealed record NvmeDataPath(NvmeDriverGeneration Driver, NvmeController Controller)
{
    public PrpVerdict Judge(IReadOnlyList<DataSegment> segments, int queueId) =>
        NvmeControllerCheck.Check(NvmeDriver.Map(segments, queueId, Driver, Controller), segments);
}
