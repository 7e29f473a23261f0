using Swiotlb.Trace.Replay.Allocator;

namespace Swiotlb.Trace.Diff.Nvme;

/// <summary>
/// How the Linux NVMe PCI driver (<c>drivers/nvme/host/pci.c</c>, <c>nvme_map_data</c>) turns a request's mapped segments
/// into a data pointer. Read from Debian's linux-source-5.10, -6.1, -6.12 and -7.3.
/// </summary>
public enum NvmeDriverGeneration
{
    /// <summary>5.10 to 6.16 (Debian 5.10.223, 6.1.x, 6.12.x): one segment within two controller pages takes the simple PRP
    /// path (<c>nvme_setup_prp_simple</c>, PRP2 from the original page offset); one larger segment takes the simple SGL
    /// path on an I/O queue of an SGL controller when <c>sgl_threshold</c> is not 0; several segments take SGLs when the
    /// average segment is at least <c>sgl_threshold</c>, else <c>nvme_pci_setup_prps</c> walks the scatterlist.</summary>
    Scatterlist,

    /// <summary>6.17 and later (Debian 7.3.4), mapping through the block layer's DMA iterator (<c>blk_rq_dma_map_iter_*</c>,
    /// one <c>dma_map_phys</c> per segment): an SGL controller gets no virt boundary, so a request with a gap inside a
    /// controller page is forced onto SGLs; one segment takes SGLs whenever PRP1+PRP2 cannot hold it; the PRP walk
    /// (<c>nvme_pci_setup_data_prp</c>) refuses an entry whose segment holds less than it needs.</summary>
    DmaIterator,
}

public static class NvmeDriverGenerations
{
    /// <summary>The driver of a kernel release; a capture that names no kernel gets the long-lived scatterlist driver.</summary>
    public static NvmeDriverGeneration Of(KernelRelease? release) =>
        release is { } r && (r.Major > 6 || (r.Major == 6 && r.Minor >= 17)) ? NvmeDriverGeneration.DmaIterator : NvmeDriverGeneration.Scatterlist;

    public static string Describe(this NvmeDriverGeneration generation) => generation == NvmeDriverGeneration.DmaIterator
        ? "6.17+ (DMA iterator, one dma_map_phys per segment)"
        : "5.10–6.16 (scatterlist: dma_map_sg)";

    /// <summary>The release string's driver, parsed leniently (null or unparsable: <see cref="NvmeDriverGeneration.Scatterlist"/>).</summary>
    public static NvmeDriverGeneration Of(string? release) =>
        Of(release is not null && KernelRelease.TryParse(release, out var parsed) ? parsed : null);
}
