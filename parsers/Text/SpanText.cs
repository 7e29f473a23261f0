using System.Buffers.Text;

namespace Swiotlb.Trace.Text;

/// <summary>Small span helpers shared by the text line parsers and payload decoders.</summary>
public static class SpanText
{
    public static ReadOnlySpan<byte> TrimSpaces(this ReadOnlySpan<byte> text) => text.Trim((byte)' ');

    public static bool TryParseInt(ReadOnlySpan<byte> text, out int value)
    {
        value = 0;
        return !text.IsEmpty && Utf8Parser.TryParse(text, out value, out var consumed) && consumed == text.Length;
    }

    public static bool IsDigits(ReadOnlySpan<byte> text) =>
        !text.IsEmpty && text.IndexOfAnyExceptInRange((byte)'0', (byte)'9') < 0;

    /// <summary>Splits <c>comm-pid</c> at its last dash (names may contain dashes and spaces).</summary>
    public static bool TrySplitTaskPid(ReadOnlySpan<byte> task, out ReadOnlySpan<byte> comm, out int pid)
    {
        comm = default;
        pid = 0;
        var dash = task.LastIndexOf((byte)'-');
        if (dash < 0 || !IsDigits(task[(dash + 1)..]) || !TryParseInt(task[(dash + 1)..], out pid))
            return false;
        comm = task[..dash].TrimSpaces();
        return true;
    }
}
