using System.Text;

namespace Swiotlb.Trace.Text;

/// <summary>The kernel's own lines around an ftrace dump that carry facts: the panic reason, the panicking CPU, dropped messages.</summary>
public static class ConsoleMarkers
{
    public static bool TryPanicReason(ReadOnlySpan<byte> message, out string reason)
    {
        reason = "";
        var at = message.IndexOf("Kernel panic - not syncing: "u8);
        if (at < 0)
            return false;
        var text = message[(at + 28)..];
        var tail = text.IndexOf(" ]---"u8);
        reason = Encoding.UTF8.GetString((tail < 0 ? text : text[..tail]).TrimSpaces());
        return true;
    }

    /// <summary>The oops header <c>CPU: 1 PID: 0 Comm: swapper/1 …</c>.</summary>
    public static bool TryOopsCpu(ReadOnlySpan<byte> message, out int cpu)
    {
        cpu = -1;
        if (!message.StartsWith("CPU: "u8))
            return false;
        var rest = message[5..];
        var end = rest.IndexOf((byte)' ');
        return end > 0 && rest[end..].StartsWith(" PID: "u8) && SpanText.TryParseInt(rest[..end], out cpu);
    }

    /// <summary><c>** 972 printk messages dropped **</c>.</summary>
    public static bool TryDroppedMessages(ReadOnlySpan<byte> message, out int dropped)
    {
        dropped = 0;
        var at = message.IndexOf("printk messages dropped"u8);
        if (at < 0)
            return false;
        var head = message[..at].Trim("* "u8);
        return SpanText.TryParseInt(head, out dropped);
    }

    /// <summary><c>CPU:1 [LOST 123 EVENTS]</c>, as ftrace prints when a ring buffer overran.</summary>
    public static bool TryLostEvents(ReadOnlySpan<byte> line, out int cpu, out long lost)
    {
        cpu = -1;
        lost = 0;
        line = line.TrimSpaces();
        if (!line.StartsWith("CPU:"u8))
            return false;
        var open = line.IndexOf(" [LOST "u8);
        if (open < 0 || !SpanText.TryParseInt(line[4..open].TrimSpaces(), out cpu))
            return false;
        var count = line[(open + 7)..];
        var end = count.IndexOf((byte)' ');
        return end > 0 && System.Buffers.Text.Utf8Parser.TryParse(count[..end], out lost, out _);
    }
}
