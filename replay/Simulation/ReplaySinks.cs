using Swiotlb.Trace.Replay.Records;

namespace Swiotlb.Trace.Replay.Simulation;

/// <summary>Several sinks fed as one, in order.</summary>
public sealed class ReplaySinks(params IReplaySink[] sinks) : IReplaySink
{
    public void Mapping(ReplayedMapping mapping)
    {
        foreach (var sink in sinks)
            sink.Mapping(mapping);
    }

    public void Command(ReplayedCommand command)
    {
        foreach (var sink in sinks)
            sink.Command(command);
    }

    public void Released(UnmapRecord release)
    {
        foreach (var sink in sinks)
            sink.Released(release);
    }
}
