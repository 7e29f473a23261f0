namespace Swiotlb.Trace.Text;

/// <summary>A console or dmesg line: strips the printk prefix (<c>&lt;4&gt;</c>, <c>[ 7.916278]</c>, caller id <c>[  C0]</c>/<c>[T12]</c>).</summary>
public static class ConsoleLine
{
    public static bool TryStripPrintkPrefix(ReadOnlySpan<byte> line, out ReadOnlySpan<byte> message)
    {
        message = line;
        if (message.StartsWith("<"u8))
        {
            var level = message.IndexOf((byte)'>');
            if (level is > 1 and < 5)
                message = message[(level + 1)..];
        }
        if (!message.StartsWith("["u8))
            return false;
        var close = message.IndexOf((byte)']');
        if (close < 0 || !IsPrintkTime(message[1..close].TrimSpaces()))
            return false;
        message = message[(close + 1)..];
        if (message.StartsWith("["u8))
        {
            var callerClose = message.IndexOf((byte)']');
            var caller = callerClose < 0 ? default : message[1..callerClose].TrimSpaces();
            if (caller.Length > 1 && caller[0] is (byte)'C' or (byte)'T' && SpanText.IsDigits(caller[1..]))
                message = message[(callerClose + 1)..];
        }
        if (message.StartsWith(" "u8))
            message = message[1..];
        return true;
    }

    private static bool IsPrintkTime(ReadOnlySpan<byte> text)
    {
        var dot = text.IndexOf((byte)'.');
        return dot > 0 && SpanText.IsDigits(text[..dot]) && SpanText.IsDigits(text[(dot + 1)..]);
    }
}
