namespace Swiotlb.Trace.Events;

/// <summary>The event types swiotrace understands; everything else is <see cref="Generic"/>.</summary>
public enum EventKind
{
    Generic,
    SwiotlbBounced,
    NvmeSetupCmd,
    NvmeCompleteRq,
    NvmeSq,
    BlockRqIssue,
    BlockRqComplete,
    DmaMapPage,
    DmaUnmapPage,
    DmaMapPhys,
    DmaUnmapPhys,
    DmaMapSg,
    DmaMapSgError,
    DmaUnmapSg,
    SwiotlbMapEntry,
    SwiotlbMapReturn,
    SwiotlbUnmapEntry,
    BlockTraceStep,
}
