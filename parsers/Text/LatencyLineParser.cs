namespace Swiotlb.Trace.Text;

/// <summary>
/// Splits the latency-format lines of an ftrace dump (<c>ftrace_dump_on_oops</c>, sysrq-z):
/// <c>COMM-PID CPUFLAGS TIMEus[MARK]: EVENT: PAYLOAD</c>, e.g. <c>udio-165  0d.h1. 4826968us : swmap: …</c>.
/// The CPU number runs straight into the flags (which never start with a digit).
/// </summary>
public static class LatencyLineParser
{
    public static bool TryParse(ReadOnlySpan<byte> line, out RawEventLine parsed, out string expected)
    {
        parsed = default;
        expected = "expected 'COMM-PID CPUFLAGS TIMEus : EVENT: PAYLOAD'";
        var timeEnd = line.IndexOf("us"u8);
        while (timeEnd >= 0)
        {
            if (TryParseAt(line, timeEnd, out parsed))
                return true;
            var next = line[(timeEnd + 2)..].IndexOf("us"u8);
            timeEnd = next < 0 ? -1 : timeEnd + 2 + next;
        }
        return false;
    }

    private static bool TryParseAt(ReadOnlySpan<byte> line, int timeEnd, out RawEventLine parsed)
    {
        parsed = default;
        var head = line[..timeEnd];
        var timeStart = head.LastIndexOf((byte)' ') + 1;
        if (timeStart == 0 || !Timestamps.TryParseMicroseconds(head[timeStart..], out var timestamp))
            return false;
        var task = head[..timeStart].TrimEnd((byte)' ');
        var cpuFlagsStart = task.LastIndexOf((byte)' ') + 1;
        if (cpuFlagsStart == 0)
            return false;
        var cpuFlags = task[cpuFlagsStart..];
        var cpuDigits = cpuFlags.IndexOfAnyExceptInRange((byte)'0', (byte)'9');
        if (cpuDigits <= 0 || !SpanText.TryParseInt(cpuFlags[..cpuDigits], out var cpu))
            return false;
        if (!SpanText.TrySplitTaskPid(task[..cpuFlagsStart].TrimSpaces(), out var comm, out var pid))
            return false;
        var afterTime = line[(timeEnd + 2)..];
        var colon = afterTime.IndexOf((byte)':');
        if (colon < 0 || afterTime[..colon].Trim((byte)' ').IndexOfAnyExcept("!#$@*+~> "u8) >= 0)
            return false;
        var rest = afterTime[(colon + 1)..].TrimStart((byte)' ');
        var nameEnd = rest.IndexOf((byte)':');
        if (nameEnd <= 0)
            return false;
        parsed = new RawEventLine(comm, pid, cpu, timestamp, false, rest[..nameEnd], rest[(nameEnd + 1)..].TrimSpaces());
        return true;
    }
}
