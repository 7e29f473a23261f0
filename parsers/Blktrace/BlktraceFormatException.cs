namespace Swiotlb.Trace.Blktrace;

/// <summary>A file that is not blktrace data this reader reads (wrong magic or unsupported version at its start).</summary>
public sealed class BlktraceFormatException(BlktracePosition position, string message)
    : Exception($"{position}: {message}")
{
    public BlktracePosition Position { get; } = position;
}
