using Swiotlb.Trace.Events;

namespace Swiotlb.Trace.Blktrace;

/// <summary>
/// Turns file-system issue (<c>D</c>) and complete (<c>C</c>) records into the <c>block:block_rq_issue</c> and
/// <c>block:block_rq_complete</c> events they correspond to.
/// </summary>
/// <remarks>
/// Faithful: device, sector, bytes and sector count (the kernel passes the same request values to both tracers),
/// CPU, pid, and the error as a negative errno.
/// Not the same as the tracepoint's: the time is blktrace's clock (<c>ktime_get</c>, monotonic), not the ftrace clock, so it
/// needs an offset before it lines up with a trace.dat; the RWBS is blkparse's (a read moving no bytes shows <c>N</c>, the
/// tracepoint shows <c>R</c>; secure erase shows <c>D</c>, not <c>DE</c>); the comm is the first name blktrace noted for the pid,
/// not the task's comm at that moment (empty when no note named it); the 6.11+ ioprio is not in blktrace records (null).
/// Not converted (null): pass-through records (blktrace gives the CDB, not a sector range) and every other action.
/// </remarks>
public static class BlktraceBlockEvents
{
    public static TraceEvent? ToBlockEvent(BlktraceRecord record)
    {
        if (record.Action.IsPassThrough)
            return null;

        var header = HeaderOf(record);
        return record.Action.ActionCode switch
        {
            BlktraceActionCode.Issue => new BlockRqIssue(
                header, record.Device, record.Rwbs, record.Bytes, record.Sector, record.SectorCount, IoPriority: null, header.Comm),
            BlktraceActionCode.Complete => new BlockRqComplete(
                header, record.Device, record.Rwbs, record.Sector, record.SectorCount, IoPriority: null, record.Errno),
            _ => null,
        };
    }

    /// <summary>The record's time (blktrace's clock), CPU, pid and the process name blktrace noted for the pid (empty when none).</summary>
    public static EventHeader HeaderOf(BlktraceRecord record) =>
        new((long)record.TimeNs, record.Cpu, record.Pid, record.ProcessName ?? "");
}
