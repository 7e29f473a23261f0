using Swiotlb.Trace.Events;
using Swiotlb.Trace.Text;

namespace Swiotlb.Trace.Payloads;

/// <summary>
/// <c>block_rq_issue: MAJ,MIN RWBS BYTES (CMD) SECTOR + COUNT [IOPRIO] [COMM]</c> and
/// <c>block_rq_complete: MAJ,MIN RWBS (CMD) SECTOR + COUNT [IOPRIO] [ERROR]</c>; the ioprio column exists from 6.11.
/// </summary>
internal static class BlockDecoders
{
    private const string IssueShape = "expected 'MAJ,MIN RWBS BYTES (CMD) SECTOR + COUNT [IOPRIO] [COMM]'";
    private const int MaxIoPriorityLength = 64;
    private const string CompleteShape = "expected 'MAJ,MIN RWBS (CMD) SECTOR + COUNT [IOPRIO] [ERROR]'";

    public static DecodeResult Issue(in EventHeader header, ReadOnlySpan<byte> payload, Utf8StringPool strings)
    {
        if (!TryReadDeviceAndRwbs(ref payload, out var device, out var rwbs)
            || !TryReadWord(ref payload, out var bytesText) || !SpanText.TryParseInt(bytesText, out var bytes)
            || !TryReadRange(ref payload, out var sector, out var count)
            || !TryReadTail(payload, out var ioPriority, out var bracketed))
            return DecodeResult.Malformed(IssueShape);
        return DecodeResult.Of(new BlockRqIssue(header, device, strings.Get(rwbs), (uint)bytes, sector, count,
            IoPriority(ioPriority, strings), strings.Get(bracketed)));
    }

    public static DecodeResult Complete(in EventHeader header, ReadOnlySpan<byte> payload, Utf8StringPool strings)
    {
        if (!TryReadDeviceAndRwbs(ref payload, out var device, out var rwbs)
            || !TryReadRange(ref payload, out var sector, out var count)
            || !TryReadTail(payload, out var ioPriority, out var bracketed)
            || !SpanText.TryParseInt(bracketed, out var error))
            return DecodeResult.Malformed(CompleteShape);
        return DecodeResult.Of(new BlockRqComplete(header, device, strings.Get(rwbs), sector, count,
            IoPriority(ioPriority, strings), error));
    }

    private static bool TryReadDeviceAndRwbs(ref ReadOnlySpan<byte> rest, out DeviceNumber device, out ReadOnlySpan<byte> rwbs)
    {
        device = default;
        rwbs = default;
        if (!TryReadWord(ref rest, out var dev) || !TryReadWord(ref rest, out rwbs))
            return false;
        var comma = dev.IndexOf((byte)',');
        if (comma < 0 || !SpanText.TryParseInt(dev[..comma], out var major) || !SpanText.TryParseInt(dev[(comma + 1)..], out var minor))
            return false;
        device = new DeviceNumber(major, minor);
        return true;
    }

    /// <summary>Skips the <c>(CMD)</c> column and reads <c>SECTOR + COUNT</c>.</summary>
    private static bool TryReadRange(ref ReadOnlySpan<byte> rest, out ulong sector, out uint count)
    {
        sector = 0;
        count = 0;
        if (!rest.StartsWith("("u8))
            return false;
        var close = rest.IndexOf((byte)')');
        if (close < 0)
            return false;
        rest = rest[(close + 1)..].TrimStart((byte)' ');
        if (!TryReadWord(ref rest, out var sectorText) || !PayloadFields.TryParseNumber(sectorText, out sector)
            || !TryReadWord(ref rest, out var plus) || !plus.SequenceEqual("+"u8)
            || !TryReadWord(ref rest, out var countText) || !SpanText.TryParseInt(countText, out var countValue))
            return false;
        count = (uint)countValue;
        return true;
    }

    /// <summary>
    /// The 6.11+ <c>CLASS,LEVEL,HINT</c> column in the kernel's words (<c>be,0,4</c>), null when absent. The print format names the
    /// class through <c>__print_symbolic</c> with <c>IOPRIO_CLASS_*</c> macros that user-space printers (perf's libtraceevent)
    /// cannot resolve, so they print the number (<c>0x2,0,4</c>): the number is turned back into the kernel's name.
    /// </summary>
    private static string? IoPriority(ReadOnlySpan<byte> text, Utf8StringPool strings)
    {
        if (text.IsEmpty)
            return null;
        var comma = text.IndexOf((byte)',');
        var classText = comma < 0 ? text : text[..comma];
        if (text.Length > MaxIoPriorityLength || !classText.StartsWith("0x"u8) || !PayloadFields.TryParseNumber(classText, out var classNumber))
            return strings.Get(text);
        ReadOnlySpan<byte> name = classNumber switch
        {
            0 => "none"u8,
            1 => "rt"u8,
            2 => "be"u8,
            3 => "idle"u8,
            7 => "invalid"u8,
            _ => classText,
        };
        Span<byte> named = stackalloc byte[text.Length + name.Length];
        name.CopyTo(named);
        text[classText.Length..].CopyTo(named[name.Length..]);
        return strings.Get(named[..(name.Length + text.Length - classText.Length)]);
    }

    /// <summary>Reads the optional ioprio word and the final <c>[…]</c> (which may contain spaces).</summary>
    private static bool TryReadTail(ReadOnlySpan<byte> rest, out ReadOnlySpan<byte> ioPriority, out ReadOnlySpan<byte> bracketed)
    {
        ioPriority = default;
        bracketed = default;
        var open = rest.IndexOf((byte)'[');
        if (open < 0 || rest[^1] != (byte)']')
            return false;
        ioPriority = rest[..open].TrimSpaces();
        bracketed = rest[(open + 1)..^1];
        return ioPriority.IndexOf((byte)' ') < 0;
    }

    private static bool TryReadWord(ref ReadOnlySpan<byte> rest, out ReadOnlySpan<byte> word)
    {
        rest = rest.TrimStart((byte)' ');
        var end = rest.IndexOf((byte)' ');
        word = end < 0 ? rest : rest[..end];
        rest = end < 0 ? default : rest[(end + 1)..];
        return !word.IsEmpty;
    }
}
