using Swiotlb.Trace.Capture;
using Swiotlb.Trace.Replay.Allocator;
using Swiotlb.Trace.Replay.Pairing;
using Swiotlb.Trace.Replay.Pool;

namespace Swiotlb.Trace.Replay.Validation;

/// <summary>What <c>validate</c> is asked: which model (default: the capture's own kernel), pool overrides, declared devices.</summary>
/// <param name="ReorderWindow">Records held to replay them in window order (see <see cref="ReplaySynchroniser"/>).</param>
public sealed record ValidationOptions(
    string? Model,
    PoolOverrides Pool,
    IReadOnlyDictionary<string, DeviceDmaParameters> DeclaredDevices,
    int ReorderWindow = ReplaySynchroniser.DefaultReorderWindow);

/// <summary>A validation's result with everything needed to explain it.</summary>
public sealed record CaptureValidation(
    ValidationReport Report,
    string Model,
    string ModelSource,
    PoolGeometryChoice Pool,
    PairingStatistics Pairing,
    IReadOnlyDictionary<string, (DeviceDmaParameters Parameters, DeviceEvidence Evidence)> Devices)
{
    /// <summary>What the reader warned about (the first few, as it keeps them) and what the pairing notes.</summary>
    public IReadOnlyList<string> Warnings { get; init; } = [];
}

/// <summary>Pairs a capture's mappings and replays them through a model, comparing each prediction with the kernel's answer.</summary>
public static class CaptureValidator
{
    /// <remarks>Streams: events are read only as far as the next record needs, so memory holds what is in flight
    /// (the pairer's open calls and the synchroniser's reorder window), not the capture.</remarks>
    /// <param name="followPool">Given the model and pool once they are known, returns what receives the reconstructed
    /// pool's changes in their final order (the pool analysis of the kernel's own answers).</param>
    /// <param name="judged">Receives every record's verdict in its final order.</param>
    public static CaptureValidation Validate(ICaptureReader reader, KernelFacts facts, ValidationOptions options,
        Func<KernelGeneration, PoolGeometry, IPoolChangeSink>? followPool = null, Action<RecordOutcome>? judged = null)
    {
        var (generation, modelSource) = ChooseModel(options.Model, facts.Release ?? reader.Metadata.KernelRelease);
        var devices = DeviceClassifier.From(options.DeclaredDevices, facts);
        var records = new RecordStream();
        var pairer = new MappingPairer(records, devices);
        using IEnumerator<ReplayRecord> stream = records.Pair(reader, pairer).GetEnumerator();
        bool any = stream.MoveNext();
        var pool = PoolGeometryResolver.Resolve(generation, facts, pairer.Statistics.PoolStart, reader.Metadata.DeclaredCpus, options.Pool);
        var synchroniser = new ReplaySynchroniser(ModelRegistry.Create(generation.Name, pool.Geometry), reorderWindow: options.ReorderWindow)
        {
            Changes = followPool?.Invoke(generation, pool.Geometry),
            Judged = judged,
        };
        var report = synchroniser.Run(FromCurrent(stream, any));
        return new CaptureValidation(report, generation.Name, modelSource, pool, pairer.Statistics, devices.Known)
        {
            Warnings = [.. reader.Statistics.Warnings.Select(warning => warning.ToString()), .. pairer.Statistics.Notes()],
        };
    }

    /// <summary>The model named, else the one for the capture's kernel release.</summary>
    /// <exception cref="ArgumentException">The name is unknown, or the capture does not say its kernel and none was named.</exception>
    public static (KernelGeneration Generation, string Source) ChooseModel(string? requested, string? captureRelease)
    {
        if (requested is not null)
            return (ModelRegistry.Resolve(requested, $"unknown model '{requested}'"), "--model");
        if (captureRelease is not null && ModelRegistry.TryResolve(captureRelease, out var own))
            return (own, $"the capture's kernel {captureRelease}");
        throw new ArgumentException("the capture does not say which kernel made it: name a model with --model");
    }

    /// <summary>The stream's records from the one it stands on: the pool start (<c>pool=</c>) is known once the
    /// first record has been paired, so the model is made after the first step.</summary>
    private static IEnumerable<ReplayRecord> FromCurrent(IEnumerator<ReplayRecord> stream, bool hasCurrent)
    {
        if (!hasCurrent)
            yield break;
        do
            yield return stream.Current;
        while (stream.MoveNext());
    }

    /// <summary>Pairs events into records lazily: the reader is read only as far as the next record needs.</summary>
    private sealed class RecordStream : IPairingSink
    {
        private readonly Queue<ReplayRecord> ready = new();

        public IEnumerable<ReplayRecord> Pair(ICaptureReader reader, MappingPairer pairer)
        {
            foreach (var traceEvent in reader.ReadEvents())
            {
                pairer.Feed(traceEvent);
                while (ready.TryDequeue(out var record))
                    yield return record;
            }
            pairer.Finish();
            while (ready.TryDequeue(out var record))
                yield return record;
        }

        public void Record(ReplayRecord record) => ready.Enqueue(record);

        public void Command(NvmeCommand command) { }
    }
}
