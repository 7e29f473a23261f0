namespace Swiotlb.Trace.Events;

/// <summary>One event of a capture, typed by what it tells about DMA and I/O.</summary>
public abstract record TraceEvent(EventHeader Header)
{
    /// <summary>The event's name as the tracer shows it (a kprobe's own name, e.g. <c>swmap</c>).</summary>
    public abstract string Name { get; }

    /// <summary>The kind of event, independent of how a user named a kprobe.</summary>
    public abstract EventKind Kind { get; }
}
