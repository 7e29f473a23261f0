using Swiotlb.Trace.Replay.Records;

namespace Swiotlb.Trace.Replay.Pairing;

/// <summary>Where paired records and finished NVMe commands go, in the order they complete.</summary>
public interface IPairingSink
{
    void Record(ReplayRecord record);

    /// <summary>A command is handed on once its segments' map records have been.</summary>
    void Command(NvmeCommand command);
}
