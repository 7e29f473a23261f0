using Swiotlb.Trace.Capture;
using Swiotlb.Trace.Replay.Allocator;
using Swiotlb.Trace.Replay.Pairing;

namespace Swiotlb.Trace.Replay.Validation;

/// <summary>What <c>validate</c> is asked: which model (default: the capture's own kernel), pool overrides, declared devices.</summary>
public sealed record ValidationOptions(string? Model, PoolOverrides Pool, IReadOnlyDictionary<string, DeviceDmaParameters> DeclaredDevices);

/// <summary>A validation's result with everything needed to explain it.</summary>
public sealed record CaptureValidation(
    ValidationReport Report,
    string Model,
    string ModelSource,
    PoolGeometryChoice Pool,
    PairingStatistics Pairing,
    IReadOnlyDictionary<string, (DeviceDmaParameters Parameters, DeviceEvidence Evidence)> Devices);

/// <summary>Pairs a capture's mappings and replays them through a model, comparing each prediction with the kernel's answer.</summary>
public static class CaptureValidator
{
    public static CaptureValidation Validate(ICaptureReader reader, KernelFacts facts, ValidationOptions options)
    {
        var (generation, modelSource) = ChooseModel(options.Model, facts.Release ?? reader.Metadata.KernelRelease);
        var devices = DeviceClassifier.From(options.DeclaredDevices, facts);
        var records = new RecordCollector();
        var pairer = new MappingPairer(records, devices);
        foreach (var traceEvent in reader.ReadEvents())
            pairer.Feed(traceEvent);
        pairer.Finish();
        var pool = PoolGeometryResolver.Resolve(generation, facts, pairer.Statistics.PoolStart, reader.Metadata.DeclaredCpus, options.Pool);
        var report = new ReplaySynchroniser(ModelRegistry.Create(generation.Name, pool.Geometry)).Run(records.Records);
        return new CaptureValidation(report, generation.Name, modelSource, pool, pairer.Statistics, devices.Known);
    }

    /// <summary>The model named, else the one for the capture's kernel release.</summary>
    /// <exception cref="ArgumentException">The name is unknown, or the capture does not say its kernel and none was named.</exception>
    public static (KernelGeneration Generation, string Source) ChooseModel(string? requested, string? captureRelease)
    {
        if (requested is not null)
            return ModelRegistry.TryResolve(requested, out var named)
                ? (named, "--model")
                : throw new ArgumentException($"unknown model '{requested}': expected one of {string.Join(", ", ModelRegistry.Names)} or a kernel release like 6.1.0-54-amd64");
        if (captureRelease is not null && ModelRegistry.TryResolve(captureRelease, out var own))
            return (own, $"the capture's kernel {captureRelease}");
        throw new ArgumentException("the capture does not say which kernel made it: name a model with --model");
    }


    private sealed class RecordCollector : IPairingSink
    {
        public List<ReplayRecord> Records { get; } = [];

        public void Record(ReplayRecord record) => Records.Add(record);

        public void Command(NvmeCommand command) { }
    }
}
