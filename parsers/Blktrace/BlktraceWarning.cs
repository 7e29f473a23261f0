using Swiotlb.Trace.Capture;

namespace Swiotlb.Trace.Blktrace;

/// <summary>Data the reader could not use: what was expected, and where. Reading went on past it, or stopped that CPU file.</summary>
/// <param name="Truncated">True when the CPU file ended inside a record.</param>
public sealed record BlktraceWarning(CapturePosition Position, string Message, bool Truncated = false)
{
    public override string ToString() => $"{Position}: {Message}";
}
