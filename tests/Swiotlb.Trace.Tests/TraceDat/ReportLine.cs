using System.Globalization;

namespace Swiotlb.Trace.Tests.TraceDat;

/// <summary>One event line of <c>trace-cmd report -t</c>: <c>COMM-PID [CPU] SEC.NSEC: NAME: PAYLOAD</c>.</summary>
public sealed record ReportLine(string Comm, int Pid, int Cpu, long TimestampNs, string Name, string Payload)
{
    public static ReportLine? TryParse(string line)
    {
        var open = line.IndexOf(" [", StringComparison.Ordinal);
        var close = open < 0 ? -1 : line.IndexOf("] ", open, StringComparison.Ordinal);
        if (close < 0)
        {
            return null;
        }

        var task = line[..open].Trim();
        var dash = task.LastIndexOf('-');
        var rest = line[(close + 2)..].TrimStart();
        var timeEnd = rest.IndexOf(": ", StringComparison.Ordinal);
        var nameEnd = timeEnd < 0 ? -1 : rest.IndexOf(':', timeEnd + 2);
        if (dash < 0 || nameEnd < 0 || !int.TryParse(task[(dash + 1)..], CultureInfo.InvariantCulture, out var pid)
            || !int.TryParse(line.AsSpan(open + 2, close - open - 2), CultureInfo.InvariantCulture, out var cpu)
            || ParseTimestamp(rest[..timeEnd]) is not { } timestamp)
        {
            return null;
        }

        return new ReportLine(task[..dash], pid, cpu, timestamp, rest[(timeEnd + 2)..nameEnd].Trim(), rest[(nameEnd + 1)..].Trim());
    }

    private static long? ParseTimestamp(string text)
    {
        var dot = text.IndexOf('.', StringComparison.Ordinal);
        return dot > 0 && text.Length - dot - 1 == 9
            && long.TryParse(text.AsSpan(0, dot), CultureInfo.InvariantCulture, out var seconds)
            && long.TryParse(text.AsSpan(dot + 1), CultureInfo.InvariantCulture, out var nanoseconds)
                ? seconds * 1_000_000_000 + nanoseconds
                : null;
    }
}
