using Swiotlb.Trace.Capture;
using Swiotlb.Trace.Replay.Allocator;
using Swiotlb.Trace.Replay.Inference;
using Swiotlb.Trace.Replay.Pairing;
using Swiotlb.Trace.Replay.Pool;
using Swiotlb.Trace.Replay.Records;

namespace Swiotlb.Trace.Replay.Validation;

/// <summary>What <c>validate</c> is asked: which model (default: the capture's own kernel), pool overrides, declared devices.</summary>
/// <param name="ReorderWindow">Records held to replay them in window order (see <see cref="ReplaySynchroniser"/>).</param>
public sealed record ValidationOptions(
    string? Model,
    PoolOverrides Pool,
    IReadOnlyDictionary<string, DeviceDmaParameters> DeclaredDevices,
    int ReorderWindow = ReplaySynchroniser.DefaultReorderWindow)
{
    /// <summary>See <see cref="ReplaySynchroniser.ReferenceOrder"/>.</summary>
    public IReadOnlyDictionary<int, int>? ReferenceOrder { get; init; }
}

/// <summary>A validation's result with everything needed to explain it.</summary>
public sealed record CaptureValidation(
    ValidationReport Report,
    string Model,
    string ModelSource,
    PoolGeometryChoice Pool,
    PairingStatistics Pairing,
    IReadOnlyDictionary<string, (DeviceDmaParameters Parameters, DeviceEvidence Evidence)> Devices)
{
    /// <summary>The capture's own kernel generation and what its placements showed of the pool; null when the capture
    /// names no kernel and holds nothing to infer one from.</summary>
    public CaptureKernel? CaptureKernel { get; init; }

    /// <summary>Where the capture lost events and what that leaves uncertain; null when it lost none.</summary>
    public CaptureLosses? Losses { get; init; }

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
    /// <param name="reordered">Receives each group replayed in another order than its timestamps', in the order kept.</param>
    public static CaptureValidation Validate(ICaptureReader reader, KernelFacts facts, ValidationOptions options,
        Func<KernelGeneration, PoolGeometry, IPoolChangeSink>? followPool = null, Action<RecordOutcome>? judged = null,
        Action<IReadOnlyList<ReplayRecord>>? reordered = null)
    {
        var devices = DeviceClassifier.From(options.DeclaredDevices, facts);
        var losses = new LossTracker();
        var records = new RecordStream(losses);
        var pairer = new MappingPairer(records, devices);
        using IEnumerator<ReplayRecord> stream = records.Pair(reader, pairer).GetEnumerator();
        var prefix = new CapturePrefix();
        bool more;
        while ((more = stream.MoveNext()) && prefix.Add(stream.Current))
        {
        }
        var statements = new PoolStatements(facts, pairer.Statistics.PoolStart, reader.Metadata.DeclaredCpus, options.Pool);
        var kernel = CaptureInference.Infer(facts.Release ?? reader.Metadata.KernelRelease, options.Model, prefix, statements);
        var (generation, modelSource) = ChooseModel(options.Model, kernel);
        var pool = statements.Resolve(generation, kernel?.Pool);
        var synchroniser = new ReplaySynchroniser(ModelRegistry.Create(generation.Name, pool.Geometry), reorderWindow: options.ReorderWindow)
        {
            Changes = followPool?.Invoke(generation, pool.Geometry),
            ReferenceOrder = options.ReferenceOrder,
            Reordered = reordered,
            Judged = outcome =>
            {
                losses.Judged(outcome);
                judged?.Invoke(outcome);
            },
        };
        var report = synchroniser.Run(prefix.Records.Concat(FromCurrent(stream, more)));
        return new CaptureValidation(report, generation.Name, modelSource, pool, pairer.Statistics, devices.Known)
        {
            CaptureKernel = kernel,
            Losses = losses.Result(report),
            Warnings = [.. reader.Statistics.Warnings.Select(warning => warning.ToString()), .. pairer.Statistics.Notes()],
        };
    }

    /// <summary>The model named, else the capture's own kernel generation (named or inferred).</summary>
    /// <exception cref="ArgumentException">The name is unknown, or the capture neither names its kernel nor holds
    /// placements to infer it from, and no model was named.</exception>
    public static (KernelGeneration Generation, string Source) ChooseModel(string? requested, CaptureKernel? capture)
    {
        if (requested is not null)
            return (ModelRegistry.Resolve(requested, $"unknown model '{requested}'"), "--model");
        if (capture is not null)
            return (capture.Generation, capture.GenerationSource);
        throw new UnknownCaptureKernelException();
    }

    /// <summary>The stream's records from the one it stands on: the records the prefix held are replayed first, so the
    /// model is made once the prefix has shown what the capture does not state.</summary>
    private static IEnumerable<ReplayRecord> FromCurrent(IEnumerator<ReplayRecord> stream, bool hasCurrent)
    {
        if (!hasCurrent)
            yield break;
        do
            yield return stream.Current;
        while (stream.MoveNext());
    }

    /// <summary>Pairs events into records lazily: the reader is read only as far as the next record needs.</summary>
    private sealed class RecordStream(LossTracker losses) : IPairingSink
    {
        private readonly Queue<ReplayRecord> ready = new();

        public IEnumerable<ReplayRecord> Pair(ICaptureReader reader, MappingPairer pairer)
        {
            foreach (var traceEvent in reader.ReadEvents())
            {
                losses.Read(traceEvent, reader.Statistics);
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
