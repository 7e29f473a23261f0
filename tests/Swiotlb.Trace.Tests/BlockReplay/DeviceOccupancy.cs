using Swiotlb.Trace.Cli.Input;
using Swiotlb.Trace.Diff.Replaying;
using Swiotlb.Trace.Replay.Allocator;
using Swiotlb.Trace.Replay.Pairing;
using Swiotlb.Trace.Replay.Records;
using Swiotlb.Trace.Replay.Simulation;

namespace Swiotlb.Trace.Tests.BlockReplay;

/// <summary>
/// The exact pool occupancy of one device: a capture's own mappings (kprobes) of that device alone, through the models a
/// full replay of the capture chose — what a block trace of that one disk can be compared with.
/// </summary>
public static class DeviceOccupancy
{
    public static IReadOnlyList<ModelRun> Of(string path, CaptureReplay full, string device)
    {
        var engine = new ReplayEngine([.. full.Models.Select(m => ModelRegistry.Create(m.Name, m.Pool.Geometry))], new Discard());
        var pairer = new MappingPairer(new OneDevice(engine, device),
            DeviceClassifier.From(new Dictionary<string, DeviceDmaParameters>(), SiblingKernelFacts.Read(path)));
        using (var reader = CaptureOpener.Open(path, TextWriter.Null))
            foreach (var traceEvent in reader.ReadEvents())
                pairer.Feed(traceEvent);
        pairer.Finish();
        return engine.Models;
    }

    private sealed class OneDevice(IPairingSink sink, string device) : IPairingSink
    {
        public void Record(ReplayRecord record)
        {
            if (record.DeviceName == device)
                sink.Record(record);
        }

        public void Command(NvmeCommand command)
        {
        }
    }

    private sealed class Discard : IReplaySink
    {
        public void Mapping(ReplayedMapping mapping)
        {
        }

        public void Command(ReplayedCommand command)
        {
        }
    }
}
