using Swiotlb.Trace.Events;

namespace Swiotlb.Trace.Capture;

/// <summary>A reader of one capture: a single pass of typed events in capture order, plus what it learned on the way.</summary>
public interface ICaptureReader : IDisposable
{
    CaptureMetadata Metadata { get; }
    ReadStatistics Statistics { get; }

    /// <summary>Streams the events; can be enumerated once. Throws <see cref="CaptureFormatException"/> only when nothing sensible can be read.</summary>
    IEnumerable<TraceEvent> ReadEvents();
}
