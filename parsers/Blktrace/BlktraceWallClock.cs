namespace Swiotlb.Trace.Blktrace;

/// <summary>A timestamp note (<c>TN_TIMESTAMP</c>): the wall clock when the trace clock read <paramref name="TraceTimeNs"/>.</summary>
public readonly record struct BlktraceWallClock(ulong TraceTimeNs, long UnixSeconds, long Nanoseconds)
{
    /// <summary>The wall-clock time of a trace time, in nanoseconds since the Unix epoch.</summary>
    public long UnixTimeNs(ulong traceTimeNs) =>
        UnixSeconds * 1_000_000_000 + Nanoseconds + (long)(traceTimeNs - TraceTimeNs);
}
