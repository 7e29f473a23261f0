namespace Swiotlb.Trace.Diff.Nvme;

/// <summary>What becomes of an NVMe command's data once its segments are mapped: the outcome classes of the lab's truth tables.</summary>
public enum PrpOutcome
{
    /// <summary>The data pointer describes exactly the mapped bytes (truth: <c>ok</c>).</summary>
    Valid,
    /// <summary>The driver refuses the request (BLK_STS_IOERR, "Invalid SGL for payload"; truth: <c>refused(IOERR)</c>).</summary>
    DriverRejects,
    /// <summary>A PRP after PRP1 is not controller-page aligned: the controller fails the command with Invalid PRP Offset
    /// (status 0x4013 with DNR; truth: <c>dev-error</c>).</summary>
    MisalignedEntry,
    /// <summary>The PRPs are well formed but describe other bytes than the mapped segments: status 0, silent data corruption
    /// (truth: <c>ok-misdirected</c>).</summary>
    WrongBytes,
}

/// <summary>The verdict on one command's data pointer, with the pointer the driver wrote and where it first goes wrong.</summary>
/// <param name="FirstBadByte">For <see cref="PrpOutcome.WrongBytes"/>: the payload offset where the described bytes first differ.</param>
/// <param name="BadEntry">For <see cref="PrpOutcome.MisalignedEntry"/>: the index of the first misaligned entry.</param>
/// <param name="RejectedInCapture">The controller's own completion in the capture said Invalid PRP Offset although the data
/// pointer these addresses give is well formed: the driver handed the controller other descriptors than the ones it
/// describes (see <see cref="CommandCheck.OfObserved"/>).</param>
public sealed record PrpVerdict(PrpOutcome Outcome, DataPointer Pointer, ulong? FirstBadByte = null, int? BadEntry = null, bool RejectedInCapture = false)
{
    public bool Breaks => Outcome != PrpOutcome.Valid;

    /// <summary>PRP1 followed by PRP2 or the PRP list entries (for an SGL, each descriptor's address).</summary>
    public IReadOnlyList<ulong> Entries => Pointer.Entries;
}
