namespace Swiotlb.Trace.Blktrace;

/// <summary>Data the reader could not use: what was expected, and where. Reading went on past it, or stopped that CPU file.</summary>
public sealed record BlktraceWarning(BlktracePosition Position, string Message)
{
    public override string ToString() => $"{Position}: {Message}";
}
