using Swiotlb.Trace.Events;

namespace Swiotlb.Trace.Replay.Pairing;

/// <summary>Turns a capture's events into map/unmap records and NVMe commands for an <see cref="IPairingSink"/>.</summary>
public interface IEventPairer
{
    PairingStatistics Statistics { get; }

    void Feed(TraceEvent traceEvent);

    /// <summary>The capture ended: hands on everything still held.</summary>
    void Finish();
}
