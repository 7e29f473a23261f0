using Swiotlb.Trace.Capture;
using Swiotlb.Trace.Diff.Nvme;
using Swiotlb.Trace.Diff.Replaying;
using Swiotlb.Trace.Events;
using Swiotlb.Trace.Replay.Simulation;

namespace Swiotlb.Trace.Tests.Truth;

/// <summary>Collects, for every NVMe command a replay ends, the verdict under the kernel's own bounce addresses, the way
/// the reports and exports judge it.</summary>
public sealed class ObservedCommandVerdicts : IReplayObserver
{
    private NvmeDataPaths _paths = NvmeDataPaths.PrpOnly(0);

    public List<(ReplayedCommand Command, CommandCheck Check)> Commands { get; } = [];

    public void Started(CaptureMetadata capture, IReadOnlyList<ChosenModel> models, NvmeDataPaths dataPaths) => _paths = dataPaths;

    public void Event(TraceEvent traceEvent)
    {
    }

    public void Mapping(ReplayedMapping mapping)
    {
    }

    public void Command(ReplayedCommand command)
    {
        if (!command.Command.Resubmitted)
            Commands.Add((command, CommandCheck.OfObserved(command, _paths.ForObserved(command.Command.Device))));
    }
}
