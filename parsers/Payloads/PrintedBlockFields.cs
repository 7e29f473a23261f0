using System.Collections.Immutable;
using System.Diagnostics.CodeAnalysis;
using Swiotlb.Trace.Kernel;
using Swiotlb.Trace.Text;

namespace Swiotlb.Trace.Payloads;

/// <summary>
/// The fields of a printed <c>block_rq_issue</c> (<c>MAJ,MIN RWBS BYTES (CMD) SECTOR + COUNT [IOPRIO] [COMM]</c>) or
/// <c>block_rq_complete</c> (<c>MAJ,MIN RWBS (CMD) SECTOR + COUNT [IOPRIO] [ERROR]</c>), found by their column. A payload of
/// another shape gives <see cref="Problem"/> and zero fields.
/// </summary>
internal ref struct PrintedBlockFields : IEventFields
{
    private const string IssueShape = "expected 'MAJ,MIN RWBS BYTES (CMD) SECTOR + COUNT [IOPRIO] [COMM]'";
    private const string CompleteShape = "expected 'MAJ,MIN RWBS (CMD) SECTOR + COUNT [IOPRIO] [ERROR]'";
    private const int MaxIoPriorityLength = 64;

    private readonly Utf8StringPool _strings;
    private readonly ReadOnlySpan<byte> _rwbs;
    private readonly ReadOnlySpan<byte> _ioPriority;
    private readonly ReadOnlySpan<byte> _bracketed;
    private readonly ulong _device;
    private readonly ulong _bytes;
    private readonly ulong _sector;
    private readonly ulong _count;
    private readonly long _error;

    /// <param name="isIssue">True for <c>block_rq_issue</c> (a BYTES column, and the task in brackets), false for <c>block_rq_complete</c>.</param>
    public PrintedBlockFields(ReadOnlySpan<byte> payload, bool isIssue, Utf8StringPool strings)
    {
        _strings = strings;
        var bytes = 0;
        var error = 0;
        var rest = payload;
        ReadOnlySpan<byte> rwbs = default, ioPriority = default, bracketed = default;
        var read = TryReadDevice(ref rest, out _device) && TryReadWord(ref rest, out rwbs)
            && (!isIssue || (TryReadWord(ref rest, out var bytesText) && SpanText.TryParseInt(bytesText, out bytes)))
            && TryReadRange(ref rest, out _sector, out _count)
            && TryReadTail(rest, out ioPriority, out bracketed)
            && (isIssue || SpanText.TryParseInt(bracketed, out error));
        _rwbs = rwbs;
        _ioPriority = ioPriority;
        _bracketed = bracketed;
        _bytes = (uint)bytes;
        _error = error;
        Problem = read ? null : isIssue ? IssueShape : CompleteShape;
    }

    /// <summary>What was expected and not found, or null when the payload has the event's shape.</summary>
    public string? Problem { get; }

    public readonly string String(EventField field) => _strings.Get(field == BlockEventFields.Rwbs ? _rwbs : _bracketed);

    /// <summary>Every column but the 6.11+ ioprio (<see cref="Words"/>) is there.</summary>
    public readonly bool TryString(EventField field, [NotNullWhen(true)] out string? value)
    {
        value = String(field);
        return true;
    }

    public readonly bool TryUnsigned(EventField field, out ulong value)
    {
        value = Unsigned(field);
        return true;
    }

    public readonly ulong Unsigned(EventField field) =>
        field == BlockEventFields.Device ? _device
        : field == BlockEventFields.Bytes ? _bytes
        : field == BlockEventFields.Sector ? _sector
        : field == BlockEventFields.SectorCount ? _count
        : unchecked((ulong)_error);

    public readonly long Signed(EventField field) => unchecked((long)Unsigned(field));

    public readonly bool IsSet(EventField field) => Unsigned(field) != 0;

    public readonly ImmutableArray<ulong> Array(EventField field) => [];

    public readonly int Bytes(EventField field, scoped Span<byte> destination) => 0;

    public readonly string? Words(EventField field)
    {
        if (_ioPriority.IsEmpty)
            return null;
        Span<byte> words = stackalloc byte[MaxIoPriorityLength + 8];
        return _ioPriority.Length <= MaxIoPriorityLength && BlockEventFields.IoPriority.Words!.TryReword(_ioPriority, words, out var length)
            ? _strings.Get(words[..length])
            : _strings.Get(_ioPriority);
    }

    private static bool TryReadDevice(scoped ref ReadOnlySpan<byte> rest, out ulong device)
    {
        device = 0;
        if (!TryReadWord(ref rest, out var dev))
            return false;
        var comma = dev.IndexOf((byte)',');
        if (comma < 0 || !SpanText.TryParseInt(dev[..comma], out var major) || !SpanText.TryParseInt(dev[(comma + 1)..], out var minor))
            return false;
        device = BlockEventFields.DevT(major, minor);
        return true;
    }

    /// <summary>Skips the <c>(CMD)</c> column and reads <c>SECTOR + COUNT</c>.</summary>
    private static bool TryReadRange(scoped ref ReadOnlySpan<byte> rest, out ulong sector, out ulong count)
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

    private static bool TryReadWord(scoped ref ReadOnlySpan<byte> rest, out ReadOnlySpan<byte> word)
    {
        rest = rest.TrimStart((byte)' ');
        var end = rest.IndexOf((byte)' ');
        word = end < 0 ? rest : rest[..end];
        rest = end < 0 ? default : rest[(end + 1)..];
        return !word.IsEmpty;
    }
}
