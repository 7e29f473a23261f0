using System.Text;

namespace Swiotlb.Trace.Kernel;

/// <summary>
/// Where a ground-truth kprobe can sit for the readers to place its values (DOMAIN §4): the entry of
/// <c>swiotlb_tbl_map_single</c> (the request; from 7.x at <c>+9</c>, past the entry), its return (the bounce address), and
/// the entry of <c>(__)swiotlb_tbl_unmap_single</c>. A probe elsewhere in swiotlb code (a return site in a caller, such as
/// <c>swiotlb_map+104</c>) reads values the readers cannot tie to a call: it is ignored with a note.
/// </summary>
public static class SwiotlbProbeSites
{
    public const string MapFunction = "swiotlb_tbl_map_single";

    public static IReadOnlyList<string> UnmapFunctions { get; } = ["swiotlb_tbl_unmap_single", "__swiotlb_tbl_unmap_single"];

    private static readonly byte[] MapFunctionUtf8 = Encoding.UTF8.GetBytes(MapFunction);
    private static readonly byte[][] UnmapFunctionsUtf8 = [.. UnmapFunctions.Select(Encoding.UTF8.GetBytes)];

    /// <summary>True for <see cref="MapFunction"/> as a printed symbol.</summary>
    public static bool IsMapFunction(ReadOnlySpan<byte> symbol) => symbol.SequenceEqual(MapFunctionUtf8);

    /// <summary>True for one of the <see cref="UnmapFunctions"/> as a printed symbol.</summary>
    public static bool IsUnmapFunction(ReadOnlySpan<byte> symbol)
    {
        foreach (var function in UnmapFunctionsUtf8)
            if (symbol.SequenceEqual(function))
                return true;
        return false;
    }

    /// <summary>True for a function of the swiotlb code that is none of the probe sites above.</summary>
    public static bool IsUnplacedSwiotlbFunction(string function) => IsUnplacedSwiotlbFunction(Encoding.UTF8.GetBytes(function));

    /// <summary>True for a printed symbol of the swiotlb code that is none of the probe sites above.</summary>
    public static bool IsUnplacedSwiotlbFunction(ReadOnlySpan<byte> function) =>
        (function.StartsWith("swiotlb"u8) || function.StartsWith("__swiotlb"u8)) && !IsMapFunction(function) && !IsUnmapFunction(function);

    /// <summary>The note a reader gives, once per probe, for a probe on <paramref name="location"/> it cannot place.</summary>
    public static string Unplaced(string probeName, string location) =>
        $"kprobe {probeName} on {location} is neither on {MapFunction}'s entry or return nor on (__)swiotlb_tbl_unmap_single's entry: "
        + "its values cannot be tied to a mapping, so it is ignored (kept as a generic event); mappings come from the other probes or the dma:* events";
}
