namespace Swiotlb.Trace.Diff.Nvme;

/// <summary>The data pointer the driver writes into a command.</summary>
/// <param name="Entries">For PRPs: PRP1, then PRP2 (data) or the PRP list entries; for a refused request, the entries built
/// before the driver gave up; for an SGL, each data descriptor's address.</param>
public sealed record DataPointer(DataPointerKind Kind, IReadOnlyList<ulong> Entries)
{
    /// <summary>PRP1 and, when the data does not fit in PRP1's page, PRP2 as data or a list, from the entries.</summary>
    public static DataPointer FromPrps(List<ulong> entries) => new(entries.Count switch
    {
        1 => DataPointerKind.Prp1Only,
        2 => DataPointerKind.Prp1Prp2,
        _ => DataPointerKind.PrpList,
    }, entries);
}
