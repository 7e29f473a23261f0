using Swiotlb.Trace.Capture;
using Swiotlb.Trace.Diff.Nvme;
using Swiotlb.Trace.Events;
using Swiotlb.Trace.Replay.Simulation;

namespace Swiotlb.Trace.Diff.Replaying;

/// <summary>Watches a replay stream by: the models chosen, every event read, every mapping and command replayed.</summary>
public interface IReplayObserver : IReplaySink
{
    /// <param name="dataPaths">The NVMe driver and controller each model's commands go through.</param>
    void Started(CaptureMetadata capture, IReadOnlyList<ChosenModel> models, NvmeDataPaths dataPaths);

    void Event(TraceEvent traceEvent);
}
