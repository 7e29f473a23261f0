using Swiotlb.Trace.Replay.Pairing;
using Swiotlb.Trace.Replay.Records;

namespace Swiotlb.Trace.Replay.Inference;

/// <summary>Hands every record and command on, keeping the first records in a <see cref="CapturePrefix"/>.</summary>
public sealed class PrefixTee(IPairingSink inner, CapturePrefix prefix) : IPairingSink
{
    public void Record(ReplayRecord record)
    {
        prefix.Add(record);
        inner.Record(record);
    }

    public void Command(NvmeCommand command) => inner.Command(command);
}
