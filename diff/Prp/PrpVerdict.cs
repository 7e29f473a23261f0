namespace Swiotlb.Trace.Diff.Prp;

/// <summary>What becomes of an NVMe command's data pointer once its segments are mapped.</summary>
public enum PrpOutcome
{
    /// <summary>The PRPs follow the rules and describe exactly the mapped bytes.</summary>
    Valid,
    /// <summary>The driver refuses the scatterlist (<c>Invalid SGL for payload</c>, BLK_STS_IOERR).</summary>
    DriverRejects,
    /// <summary>A PRP entry after the first is not controller-page aligned: the controller fails the command (Invalid PRP Offset).</summary>
    MisalignedEntry,
    /// <summary>The PRPs are well formed but describe other bytes than the mapped segments: silent data corruption.</summary>
    WrongBytes,
}

/// <summary>The verdict on one command's PRPs, with the entries the driver would write and where they first go wrong.</summary>
/// <param name="Entries">PRP1 followed by PRP2 or the PRP list entries, as the driver computes them.</param>
/// <param name="FirstBadByte">For <see cref="PrpOutcome.WrongBytes"/>: the payload offset where the described bytes first differ.</param>
/// <param name="BadEntry">For <see cref="PrpOutcome.MisalignedEntry"/>: the index of the first misaligned entry.</param>
public sealed record PrpVerdict(PrpOutcome Outcome, IReadOnlyList<ulong> Entries, ulong? FirstBadByte = null, int? BadEntry = null)
{
    public bool Breaks => Outcome != PrpOutcome.Valid;
}
