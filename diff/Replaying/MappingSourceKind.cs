namespace Swiotlb.Trace.Diff.Replaying;

/// <summary>What the capture offers to build mappings from, best first.</summary>
public enum MappingSourceKind
{
    /// <summary>Kprobes on <c>swiotlb_tbl_map_single</c> / unmap: requests and the kernel's own answers.</summary>
    Kprobes,
    /// <summary><c>dma:dma_map_*</c> / <c>dma_unmap_*</c> (6.12+): original and bounce addresses.</summary>
    DmaEvents,
    /// <summary><c>swiotlb_bounced</c> only: requests without answers; lifetimes from NVMe and block completions.</summary>
    BouncedEvents,
    /// <summary><c>block_rq_issue</c> / <c>block_rq_complete</c> only (blktrace, or ftrace without swiotlb events): sizes and
    /// times from issue → complete, offsets and devices assumed.</summary>
    BlockRequests,
    /// <summary>Nothing to replay.</summary>
    None,
}
