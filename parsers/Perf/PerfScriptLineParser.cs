using Swiotlb.Trace.Text;

namespace Swiotlb.Trace.Perf;

/// <summary>
/// Splits the event lines <c>perf script</c> prints for tracepoints and kprobes:
/// <c>COMM PID[/TID] [CPU] SECONDS.FRACTION: SYSTEM:EVENT: PAYLOAD</c>. The comm is right-aligned and may hold spaces;
/// the time has 6 fraction digits (microseconds) or 9 with <c>--ns</c>, and is read as integer nanoseconds.
/// The pid column is the thread id (<c>tid</c>), or <c>pid/tid</c> when both were asked for: the thread id is kept,
/// as ftrace's pid column is the thread's.
/// </summary>
public static class PerfScriptLineParser
{
    private const string Shape = "'COMM TID [CPU] SECONDS.FRACTION: SYSTEM:EVENT: PAYLOAD'";

    /// <summary>Parses one line; on failure <paramref name="expected"/> says what was expected where.</summary>
    public static bool TryParse(ReadOnlySpan<byte> line, out RawEventLine parsed, out string expected)
    {
        parsed = default;
        if (!CpuColumn.TryFind(line, out var cpuOpen, out var cpuClose, out var cpu))
        {
            expected = $"expected {Shape}, found no [CPU] column";
            return false;
        }
        if (!TryParseTask(line[..cpuOpen].TrimSpaces(), out var comm, out var tid))
        {
            expected = "expected 'COMM TID' or 'COMM PID/TID' before the [CPU] column";
            return false;
        }
        var rest = line[(cpuClose + 1)..].TrimStart((byte)' ');
        var timeEnd = rest.IndexOf((byte)':');
        if (timeEnd < 0 || !Timestamps.TryParseSeconds(rest[..timeEnd], out var timestamp, out var rawCounter) || rawCounter)
        {
            expected = "expected SECONDS.FRACTION: after the [CPU] column";
            return false;
        }
        var afterTime = rest[(timeEnd + 1)..].TrimStart((byte)' ');
        if (!TrySplitEvent(afterTime, out var name, out var payload))
        {
            expected = "expected 'SYSTEM:EVENT:' after the time";
            return false;
        }
        parsed = new RawEventLine(comm, tid, cpu, timestamp, rawCounter: false, name, payload);
        expected = "";
        return true;
    }

    /// <summary><c>COMM TID</c> or <c>COMM PID/TID</c>: the ids are the last word, the comm (possibly empty) everything before it.</summary>
    private static bool TryParseTask(ReadOnlySpan<byte> task, out ReadOnlySpan<byte> comm, out int tid)
    {
        var space = task.LastIndexOf((byte)' ');
        comm = space < 0 ? default : task[..space].TrimSpaces();
        var ids = task[(space + 1)..];
        var slash = ids.IndexOf((byte)'/');
        var tidText = slash < 0 ? ids : ids[(slash + 1)..];
        tid = 0;
        return SpanText.IsDigits(tidText) && SpanText.TryParseInt(tidText, out tid)
            && (slash < 0 || SpanText.IsDigits(ids[..slash]));
    }

    /// <summary><c>nvme:nvme_setup_cmd: PAYLOAD</c>: the name runs to the first <c>": "</c> (or to a final <c>':'</c> when there is no payload).</summary>
    private static bool TrySplitEvent(ReadOnlySpan<byte> text, out ReadOnlySpan<byte> name, out ReadOnlySpan<byte> payload)
    {
        var end = text.IndexOf(": "u8);
        if (end < 0 && text.Length > 0 && text[^1] == (byte)':')
            end = text.Length - 1;
        name = end > 0 ? text[..end] : default;
        payload = end > 0 ? text[(end + 1)..].TrimSpaces() : default;
        return end > 0 && name.IndexOf((byte)' ') < 0;
    }
}
