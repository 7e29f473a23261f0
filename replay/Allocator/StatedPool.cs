namespace Swiotlb.Trace.Replay.Allocator;

/// <summary>The pool parameters something states (command line, capture, kernel command line, CPU count); null where
/// nothing does and only the capture's placements can tell.</summary>
public sealed record StatedPool(ulong? Start, int? Slots, int? Areas)
{
    public bool IsComplete => Start is not null && Slots is not null && Areas is not null;
}
