namespace Swiotlb.Trace.Text;

/// <summary>
/// Splits the event lines of the kernel's <c>trace</c> / <c>trace_pipe</c> text and of <c>trace-cmd report</c>:
/// <c>COMM-PID [(TGID)] [CPU] [FLAGS] SECONDS: EVENT: PAYLOAD</c>. The flag column (4 or 5 characters) and the
/// TGID column are optional; timestamps are seconds with a fraction, or raw counter integers.
/// </summary>
public static class FtraceLineParser
{
    /// <summary>Parses one line; on failure <paramref name="expected"/> says what was expected where.</summary>
    public static bool TryParse(ReadOnlySpan<byte> line, out RawEventLine parsed, out string expected)
    {
        parsed = default;
        if (!CpuColumn.TryFind(line, out var cpuOpen, out var cpuClose, out var cpu))
        {
            expected = "expected 'COMM-PID [CPU] … TIMESTAMP: EVENT: …', found no [CPU] column";
            return false;
        }
        if (!TryParseTask(line[..cpuOpen], out var comm, out var pid))
        {
            expected = "expected COMM-PID before the [CPU] column";
            return false;
        }
        var rest = line[(cpuClose + 1)..].TrimStart((byte)' ');
        var timestampEnd = rest.IndexOf(": "u8);
        if (timestampEnd < 0)
        {
            expected = "expected 'TIMESTAMP: ' after the [CPU] column";
            return false;
        }
        var beforeColon = rest[..timestampEnd];
        var lastSpace = beforeColon.LastIndexOf((byte)' ');
        var timestampText = lastSpace < 0 ? beforeColon : beforeColon[(lastSpace + 1)..];
        if (!Timestamps.TryParseSeconds(timestampText, out var timestamp, out var rawCounter))
        {
            expected = "expected a timestamp (SECONDS.FRACTION or an integer) before ': '";
            return false;
        }
        var afterTimestamp = rest[(timestampEnd + 2)..];
        var nameEnd = afterTimestamp.IndexOf((byte)':');
        if (nameEnd <= 0)
        {
            expected = "expected 'EVENT:' after the timestamp";
            return false;
        }
        var name = afterTimestamp[..nameEnd];
        var payload = afterTimestamp[(nameEnd + 1)..].TrimSpaces();
        parsed = new RawEventLine(comm, pid, cpu, timestamp, rawCounter, name, payload);
        expected = "";
        return true;
    }

    private static bool TryParseTask(ReadOnlySpan<byte> task, out ReadOnlySpan<byte> comm, out int pid)
    {
        task = task.TrimSpaces();
        if (task.Length > 0 && task[^1] == (byte)')')
        {
            var tgidOpen = task.LastIndexOf((byte)'(');
            if (tgidOpen >= 0)
                task = task[..tgidOpen].TrimSpaces();
        }
        return SpanText.TrySplitTaskPid(task, out comm, out pid);
    }
}
