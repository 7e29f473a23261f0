namespace Swiotlb.Trace.Diff.Nvme;

/// <summary>A range of bus addresses the controller moves data at, as a data pointer describes it.</summary>
public readonly record struct DmaSegment(ulong Address, ulong Length);
