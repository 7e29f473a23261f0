namespace Swiotlb.Trace.Text;

/// <summary>The <c>[CPU]</c> column that ftrace and perf script both print after the task.</summary>
internal static class CpuColumn
{
    /// <summary>Finds the first <c> [NNN] </c> column: digits between brackets, preceded and followed by a space.</summary>
    public static bool TryFind(ReadOnlySpan<byte> line, out int open, out int close, out int cpu)
    {
        cpu = 0;
        close = -1;
        var from = 0;
        while ((open = line[from..].IndexOf(" ["u8)) >= 0)
        {
            open += from + 1;
            close = line[open..].IndexOf((byte)']');
            if (close < 0)
                return false;
            close += open;
            var digits = line[(open + 1)..close];
            if (SpanText.IsDigits(digits) && close + 1 < line.Length && line[close + 1] == (byte)' '
                && SpanText.TryParseInt(digits, out cpu))
                return true;
            from = open;
        }
        return false;
    }
}
