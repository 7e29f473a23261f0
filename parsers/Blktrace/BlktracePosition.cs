namespace Swiotlb.Trace.Blktrace;

/// <summary>Where in a capture something was read: the per-CPU file and the byte offset in it.</summary>
public readonly record struct BlktracePosition(string File, long Offset)
{
    public override string ToString() => $"{File}@{Offset}";
}
