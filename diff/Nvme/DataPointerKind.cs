namespace Swiotlb.Trace.Diff.Nvme;

/// <summary>What the controller is given to find a command's data (the <c>data_ptr</c> column of the lab's truth tables).</summary>
public enum DataPointerKind
{
    /// <summary>PRP1 only: the data fits in PRP1's page.</summary>
    Prp1Only,
    /// <summary>PRP1 and PRP2, PRP2 pointing at data.</summary>
    Prp1Prp2,
    /// <summary>PRP1 and a PRP list at PRP2.</summary>
    PrpList,
    /// <summary>An SGL: one data descriptor per segment, no alignment rules.</summary>
    Sgl,
    /// <summary>The driver refused the request (BLK_STS_IOERR): it never reached the controller.</summary>
    NotSent,
}
