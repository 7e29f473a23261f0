namespace Swiotlb.Trace.Events;

/// <summary>
/// A blktrace record that is not a file-system issue or completion (those become <see cref="BlockRqIssue"/> and
/// <see cref="BlockRqComplete"/>): a step in a request's life such as queue (Q), get request (G), insert (I), merge (M, F),
/// plug (P), unplug (U, UT), split (X), remap (A), requeue (R), a message (m), or a pass-through issue or completion.
/// </summary>
/// <remarks>
/// Kept small on purpose: what <c>blkparse</c> shows on every line (action letters, device, sector, size, RWBS) and the raw
/// action word, so no record is dropped and none needs the blktrace types to be understood. Action-specific pdus (remap source,
/// unplug depth, split sector, message text) stay in the blktrace reader's own records; nothing downstream uses them yet.
/// </remarks>
/// <param name="Action">blkparse's action letters, or <c>0xHHHHHHHH</c> (the raw action) for records blkparse prints no line for.</param>
/// <param name="RawAction">The record's 32-bit <c>action</c>: category bits, cgroup flag and action code.</param>
public sealed record BlockTraceStep(
    EventHeader Header,
    string Action,
    uint RawAction,
    DeviceNumber Device,
    ulong Sector,
    uint Bytes,
    string Rwbs) : TraceEvent(Header)
{
    public override string Name => "blktrace:" + Action;
    public override EventKind Kind => EventKind.BlockTraceStep;
}
