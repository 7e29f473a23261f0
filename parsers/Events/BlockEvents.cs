namespace Swiotlb.Trace.Events;

/// <summary>A block device number.</summary>
public readonly record struct DeviceNumber(int Major, int Minor)
{
    public override string ToString() => $"{Major},{Minor}";
}

/// <summary><c>block:block_rq_issue</c>: a request went to the driver.</summary>
/// <param name="Rwbs">The operation flags, e.g. <c>WS</c>, <c>R</c>, <c>FWS</c>.</param>
/// <param name="IoPriority">The 6.11+ ioprio column (e.g. <c>be,0,4</c>), null on older kernels.</param>
public sealed record BlockRqIssue(
    EventHeader Header,
    DeviceNumber Device,
    string Rwbs,
    uint Bytes,
    ulong Sector,
    uint SectorCount,
    string? IoPriority,
    string IssuingComm) : TraceEvent(Header)
{
    public override string Name => "block_rq_issue";
    public override EventKind Kind => EventKind.BlockRqIssue;
}

/// <summary><c>block:block_rq_complete</c>: a request finished.</summary>
public sealed record BlockRqComplete(
    EventHeader Header,
    DeviceNumber Device,
    string Rwbs,
    ulong Sector,
    uint SectorCount,
    string? IoPriority,
    int Error) : TraceEvent(Header)
{
    public override string Name => "block_rq_complete";
    public override EventKind Kind => EventKind.BlockRqComplete;
}
