using Swiotlb.Trace.Capture;
using Swiotlb.Trace.Events;
using Swiotlb.Trace.Replay.Simulation;

namespace Swiotlb.Trace.Diff.Replaying;

/// <summary>Watches a replay stream by: the models chosen, every event read, every mapping and command replayed.</summary>
public interface IReplayObserver : IReplaySink
{
    void Started(CaptureMetadata capture, IReadOnlyList<ChosenModel> models);

    void Event(TraceEvent traceEvent);
}
