using Swiotlb.Trace.Replay.Records;

namespace Swiotlb.Trace.Replay.Simulation;

/// <summary>Receives a replay as it goes: each mapping once all models have answered, each NVMe command once it ended.</summary>
public interface IReplaySink
{
    void Mapping(ReplayedMapping mapping);

    void Command(ReplayedCommand command);

    /// <summary>A mapping was released, and how the capture showed it; sinks that only judge mappings ignore it.</summary>
    void Released(UnmapRecord release)
    {
    }
}
