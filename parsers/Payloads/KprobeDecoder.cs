using Swiotlb.Trace.Events;
using Swiotlb.Trace.Kernel;
using Swiotlb.Trace.Text;
using Probe = Swiotlb.Trace.Kernel.SwiotlbEventFields.Probe;

namespace Swiotlb.Trace.Payloads;

/// <summary>
/// Kprobe and kretprobe events on the swiotlb map/unmap functions, whatever the user named them.
/// A probe is recognised by its probed symbol — <c>(swiotlb_tbl_map_single+0x0/0x6c0)</c>, or for a return probe the
/// function after <c>&lt;-</c> — and, where a renderer prints bare addresses (trace-cmd: <c>(ffffffff85344b60)</c>),
/// by its arguments: <c>orig=</c> makes a map entry, <c>tlb=</c> an unmap; a return probe whose function address is a
/// known map entry's is its return. Other kprobes stay generic events.
/// </summary>
internal sealed class KprobeDecoder
{
    private readonly HashSet<ulong> _mapFunctionAddresses = [];
    private readonly HashSet<string> _unplacedProbes = [];

    /// <summary>True when the payload has a kprobe's <c>(LOCATION)</c> prefix.</summary>
    public static bool LooksLikeProbe(ReadOnlySpan<byte> payload) => payload.StartsWith("("u8) && payload.IndexOf((byte)')') > 1;

    /// <param name="note">Set, once per probe, when the probe sits in swiotlb code where its values cannot be placed.</param>
    public DecodeResult? TryDecode(in EventHeader header, string probeName, ReadOnlySpan<byte> payload, Utf8StringPool strings, out string? note)
    {
        var close = payload.IndexOf((byte)')');
        var location = payload[1..close];
        var arguments = payload[(close + 1)..].TrimSpaces();
        var arrow = location.IndexOf(" <- "u8);
        var decoded = arrow >= 0
            ? TryDecodeReturn(header, probeName, location[..arrow], location[(arrow + 4)..], arguments, strings)
            : TryDecodeEntry(header, probeName, location, arguments, strings);
        note = decoded is null ? UnplacedNote(probeName, arrow >= 0 ? location[(arrow + 4)..] : location) : null;
        return decoded;
    }

    private string? UnplacedNote(string probeName, ReadOnlySpan<byte> location)
    {
        return !_unplacedProbes.Contains(probeName) && SwiotlbProbeSites.IsUnplacedSwiotlbFunction(SymbolOf(location)) && _unplacedProbes.Add(probeName)
            ? SwiotlbProbeSites.Unplaced(probeName, System.Text.Encoding.UTF8.GetString(location))
            : null;
    }

    private DecodeResult? TryDecodeEntry(in EventHeader header, string probeName, ReadOnlySpan<byte> location, ReadOnlySpan<byte> arguments, Utf8StringPool strings)
    {
        var role = RoleOf(location, arguments);
        if (role == ProbeRole.None)
            return null;
        var fields = new PrintedFields(arguments, strings);
        if (role == ProbeRole.MapEntry)
        {
            if (PayloadFields.TryParseHex(location, out var address))
                _mapFunctionAddresses.Add(address);
            return DecodeResult.From(SwiotlbEventDecoder.MapEntry(header, probeName, ref fields), fields.Problem);
        }
        return DecodeResult.From(SwiotlbEventDecoder.UnmapEntry(header, probeName, ref fields), fields.Problem);
    }

    private DecodeResult? TryDecodeReturn(in EventHeader header, string probeName, ReadOnlySpan<byte> left, ReadOnlySpan<byte> right,
        ReadOnlySpan<byte> arguments, Utf8StringPool strings)
    {
        var isMapReturn = SwiotlbProbeSites.IsMapFunction(SymbolOf(right))
            || IsKnownMapAddress(left) || IsKnownMapAddress(right);
        if (!isMapReturn)
            return null;
        var fields = new PrintedFields(arguments, strings);
        return DecodeResult.From(SwiotlbEventDecoder.MapReturn(header, probeName, ref fields), fields.Problem);
    }

    private bool IsKnownMapAddress(ReadOnlySpan<byte> text) =>
        PayloadFields.TryParseHex(text, out var address) && _mapFunctionAddresses.Contains(address);

    private static ProbeRole RoleOf(ReadOnlySpan<byte> location, ReadOnlySpan<byte> arguments)
    {
        var symbol = SymbolOf(location);
        if (SwiotlbProbeSites.IsMapFunction(symbol))
            return ProbeRole.MapEntry;
        if (SwiotlbProbeSites.IsUnmapFunction(symbol))
            return ProbeRole.UnmapEntry;
        if (!PayloadFields.TryParseHex(location, out _))
            return ProbeRole.None;
        if (PayloadFields.TryGet(arguments, Probe.OriginalAddress.NameUtf8, out _) && PayloadFields.TryGet(arguments, Probe.MappingSize.NameUtf8, out _))
            return ProbeRole.MapEntry;
        if (PayloadFields.TryGet(arguments, Probe.BounceAddress.NameUtf8, out _))
            return ProbeRole.UnmapEntry;
        return ProbeRole.None;
    }

    /// <summary><c>symbol+0x0/0x6c0</c> → <c>symbol</c>; a bare symbol or address as is.</summary>
    private static ReadOnlySpan<byte> SymbolOf(ReadOnlySpan<byte> location)
    {
        var plus = location.IndexOf((byte)'+');
        return plus < 0 ? location : location[..plus];
    }

    private enum ProbeRole { None, MapEntry, UnmapEntry }
}
