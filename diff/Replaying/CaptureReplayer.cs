using Swiotlb.Trace.Capture;
using Swiotlb.Trace.Diff.Findings;
using Swiotlb.Trace.Diff.Nvme;
using Swiotlb.Trace.Replay.Allocator;
using Swiotlb.Trace.Replay.Inference;
using Swiotlb.Trace.Replay.Pairing;
using Swiotlb.Trace.Replay.Simulation;

namespace Swiotlb.Trace.Diff.Replaying;

/// <summary>
/// Replays a capture through several models: a first pass finds the best mapping source, the second pairs and replays
/// in one stream. Memory holds what is in flight and the summary, not the capture.
/// </summary>
public static class CaptureReplayer
{
    /// <summary>The model before the min_align_mask fix, always compared by default.</summary>
    public const string BeforeFix = "linux-5.10";

    /// <summary>The newest model, the default after-fix model when the capture's kernel is unknown or itself before the fix.</summary>
    public static string Newest { get; } = ModelRegistry.Generations[^1].Name;

    /// <param name="open">Opens the capture afresh; called two or three times.</param>
    /// <param name="observer">Also receives every replayed mapping and command (e.g. an exporter), and every event read.</param>
    public static CaptureReplay Run(Func<ICaptureReader> open, KernelFacts facts, ReplayRequest request, IReplayObserver? observer = null)
    {
        var started = DateTimeOffset.UtcNow;
        var clock = System.Diagnostics.Stopwatch.StartNew();
        return Run(Prepare(open, facts, request), open, facts, request, observer) with { Started = started, Elapsed = clock.Elapsed };
    }

    /// <summary>The models' pass, after <paramref name="prepared"/> (from <see cref="Prepare"/>, or from a caller's own pass
    /// through <see cref="Prepared"/>).</summary>
    /// <param name="open">Opens the capture afresh.</param>
    public static CaptureReplay Run(PreparedReplay prepared, Func<ICaptureReader> open, KernelFacts facts, ReplayRequest request, IReplayObserver? observer = null)
    {
        var started = DateTimeOffset.UtcNow;
        var clock = System.Diagnostics.Stopwatch.StartNew();
        using var reader = open();
        var release = prepared.Release ?? reader.Metadata.KernelRelease;
        var captureDriver = NvmeDriverGenerations.Of(release);
        var models = (request.ObservedOnly ? [] : ChooseModels(request.Models, release, prepared.Kernel))
            .Select(choice => Sized(choice, prepared.Statements, prepared.Kernel)).ToList();
        var paths = new NvmeDataPaths(captureDriver, [.. models.Select(m => IsCaptureKernel(m.Name, release))], Controllers(request, prepared.Evidence?.Sgl));
        var summarizer = new ReplaySummarizer([.. models.Select(m => m.Key)], paths);
        IReplaySink sink = observer is null ? summarizer : new ReplaySinks(summarizer, observer);
        var engine = new ReplayEngine([.. models.Select(m => ModelRegistry.Create(m.Name, m.Pool.Geometry))], sink);
        observer?.Started(reader.Metadata, models, paths);
        var pairing = Pair(reader, prepared.Source, engine, prepared.Devices, request, observer);

        return new CaptureReplay(reader.Metadata, reader.Statistics, prepared.Source, pairing, prepared.Devices.Known, models,
            summarizer.Summarise(engine.Models), Warnings(prepared.Source, pairing, prepared.Devices, models, prepared.Evidence),
            Assumptions(prepared.Source, request, summarizer, paths))
        {
            Started = started,
            Elapsed = clock.Elapsed,
            DeviceDrivers = facts.DeviceDrivers ?? new Dictionary<string, string>(),
        };
    }

    /// <summary>What every replay learns before its models run: the mapping source and pool start (a cheap first pass),
    /// then, for exact sources, what the kernel's own addresses show of the devices and controllers, and of the kernel
    /// generation and pool where the capture does not state them (a pass with no models).</summary>
    public static PreparedReplay Prepare(Func<ICaptureReader> open, KernelFacts facts, ReplayRequest request)
    {
        MappingSourceKind source;
        ulong? poolStart;
        string? release;
        int? declaredCpus;
        using (var probe = open())
        {
            (source, poolStart) = MappingSourceProbe.Probe(probe);
            release = facts.Release ?? probe.Metadata.KernelRelease;
            declaredCpus = probe.Metadata.DeclaredCpus;
        }
        var gathering = new EvidenceGathering(facts, request, release);
        if (IsExact(source))
        {
            using var reader = open();
            foreach (var traceEvent in reader.ReadEvents())
                gathering.Feed(traceEvent);
        }
        return Prepared(new CaptureFacts(source, poolStart, release, declaredCpus), facts, request, IsExact(source) ? gathering : null);
    }

    /// <summary>What the first look at a capture found: its mapping source and pool start (<see cref="MappingSourceProbe"/>),
    /// its kernel release and declared CPUs.</summary>
    public sealed record CaptureFacts(MappingSourceKind Source, ulong? PoolStart, string? Release, int? DeclaredCpus);

    /// <summary>Sources whose events carry the kernel's own bounce addresses: they get an evidence pass.</summary>
    public static bool IsExact(MappingSourceKind source) => source is MappingSourceKind.Kprobes or MappingSourceKind.DmaEvents;

    /// <summary>A <see cref="PreparedReplay"/> from what a caller's passes found.</summary>
    /// <param name="gathering">The evidence pass, fed the whole capture; null when the source is not exact.</param>
    public static PreparedReplay Prepared(CaptureFacts capture, KernelFacts facts, ReplayRequest request, EvidenceGathering? gathering)
    {
        var statements = new PoolStatements(facts, capture.PoolStart, capture.DeclaredCpus, request.Pool);
        var evidence = gathering?.Finish();
        var devices = DeviceClassifier.From(request.DeclaredDevices, facts);
        foreach (var device in evidence?.WithoutMinAlignMask.Keys ?? [])
            devices.ObservedWithoutMinAlignMask(device);
        return new PreparedReplay(capture.Source, capture.PoolStart, capture.Release, devices, evidence, statements,
            CaptureInference.Infer(capture.Release, request.Models.Count > 0 ? request.Models[^1] : null, gathering?.Prefix ?? new CapturePrefix(), statements));
    }

    /// <summary>Streams the capture through the pairer its mapping source calls for, keeping what the request's filter keeps.</summary>
    internal static PairingStatistics Pair(ICaptureReader reader, MappingSourceKind source, IPairingSink engine, DeviceClassifier devices,
        ReplayRequest request, IReplayObserver? observer)
    {
        var pairer = Pairer(source, engine, devices, request, prefix: null);
        foreach (var traceEvent in reader.ReadEvents())
        {
            observer?.Event(traceEvent);
            pairer.Feed(traceEvent);
        }
        pairer.Finish();
        return pairer.Statistics;
    }

    /// <summary>The pairer a mapping source calls for, feeding <paramref name="engine"/> what the request's filter keeps.</summary>
    /// <param name="prefix">Receives the first records before the filter: what the capture shows of its pool is every
    /// device's, whatever the request keeps.</param>
    internal static IEventPairer Pairer(MappingSourceKind source, IPairingSink engine, DeviceClassifier devices, ReplayRequest request, CapturePrefix? prefix)
    {
        IPairingSink sink = request.Filter.Applied(engine);
        if (prefix is not null)
            sink = new PrefixTee(sink, prefix);
        return source switch
        {
            MappingSourceKind.BouncedEvents => new BouncedMappingPairer(sink, devices),
            MappingSourceKind.BlockRequests => new BlockRequestPairer(sink, devices, request.BlockRequests),
            _ => new MappingPairer(sink, devices),
        };
    }

    /// <summary>Each controller's SGL support: declared, else shown by a command, else PRPs only (an assumption every report states).</summary>
    private static Dictionary<string, NvmeController> Controllers(ReplayRequest request, IReadOnlyDictionary<string, long>? sglShown)
    {
        var controllers = new Dictionary<string, NvmeController>();
        foreach (var (device, _) in sglShown ?? new Dictionary<string, long>())
            controllers[device] = new NvmeController(true, request.SglThreshold, SglEvidence.ObservedCommand);
        foreach (var (device, supports) in request.DeclaredSgl)
            controllers[device] = new NvmeController(supports, request.SglThreshold, SglEvidence.Declared);
        return controllers;
    }

    private static bool IsCaptureKernel(string model, string? release) =>
        release is not null && ModelRegistry.TryResolve(release, out var generation) && generation.Name == model;

    public sealed record DeviceEvidenceFound(IReadOnlyDictionary<string, long> WithoutMinAlignMask, IReadOnlyDictionary<string, long> Sgl);

    /// <summary>What <see cref="Prepare"/> found.</summary>
    /// <param name="Kernel">The capture's kernel generation and what its placements showed of the pool; null when it
    /// names no kernel and holds no placement.</param>
    public sealed record PreparedReplay(MappingSourceKind Source, ulong? PoolStart, string? Release, DeviceClassifier Devices, DeviceEvidenceFound? Evidence,
        PoolStatements Statements, CaptureKernel? Kernel);

    /// <summary>The models asked for, else the one before the fix and the capture kernel's own, named or inferred (or the newest).</summary>
    /// <exception cref="ArgumentException">A requested model is unknown.</exception>
    public static IReadOnlyList<(string Name, string Reason)> ChooseModels(IReadOnlyList<string> requested, string? release, CaptureKernel? kernel)
    {
        if (requested.Count > 0)
            return [.. requested.Select(Requested)];
        var own = kernel?.Generation.Name ?? (release is not null && ModelRegistry.TryResolve(release, out var generation) ? generation.Name : null);
        var after = own switch
        {
            null => (Newest, "the newest model: the capture does not name its kernel"),
            BeforeFix => (Newest, $"the newest model: the capture's kernel ({kernel?.GenerationSource ?? release}) predates the fix"),
            _ => (own, kernel?.GenerationSource ?? $"the capture's kernel {release}"),
        };
        return [(BeforeFix, "before the min_align_mask fix"), after];
    }

    private static (string Name, string Reason) Requested(string name)
    {
        var generation = ModelRegistry.Resolve(name, $"unknown model '{name}'");
        return (generation.Name, name == generation.Name ? "asked for" : $"asked for as {name}: {ModelRegistry.WhyModelled(name) ?? generation.Name}");
    }

    internal static ChosenModel Sized((string Name, string Reason) choice, PoolStatements statements, CaptureKernel? kernel) =>
        new(choice.Name, choice.Reason, statements.Resolve(ModelRegistry.Resolve(choice.Name, choice.Name), kernel?.Pool));

    /// <summary>What the results rest on beyond the capture: the block-request assumptions, and each NVMe controller whose
    /// SGL support nothing showed.</summary>
    private static List<string> Assumptions(MappingSourceKind source, ReplayRequest request, ReplaySummarizer summarizer, NvmeDataPaths paths)
    {
        var assumptions = source == MappingSourceKind.BlockRequests ? request.BlockRequests.Describe().ToList() : [];
        foreach (var device in summarizer.CommandDevices.Where(d => paths.ControllerOf(d).Evidence == SglEvidence.Assumed).Order(StringComparer.Ordinal))
            assumptions.Add($"{device}: nothing in the capture shows whether the NVMe controller takes SGLs; PRPs only assumed (--nvme-sgl {device}=yes|no)");
        return assumptions;
    }

    /// <summary>What a reader of the report must know to trust it: the weaker the source, the more it says.</summary>
    private static List<string> Warnings(MappingSourceKind source, PairingStatistics pairing, DeviceClassifier devices, IReadOnlyList<ChosenModel> models,
        DeviceEvidenceFound? evidence)
    {
        var warnings = new List<string>();
        foreach (var (device, mappings) in evidence?.WithoutMinAlignMask ?? new Dictionary<string, long>())
            warnings.Add($"{device}: the kernel's bounce addresses never kept a buffer offset ({mappings} mappings had one): this kernel's driver " +
                "sets no min_align_mask for it; every model replays it with mask 0");
        if (source == MappingSourceKind.None)
            warnings.Add("the capture holds no swiotlb mapping events (no swmap kprobes, dma:* or swiotlb_bounced): nothing to replay");
        if (source == MappingSourceKind.BouncedEvents)
            warnings.Add("only swiotlb_bounced events: the kernel's own bounce addresses are not in the capture; lifetimes come from NVMe and block completions");
        if (source == MappingSourceKind.BlockRequests)
            warnings.Add("only block requests: every result is assumption-based (mapping layout, buffer offsets, devices); see the assumptions");
        if (pairing.UnmapsAssumed > 0)
            warnings.Add($"{pairing.UnmapsAssumed} mappings have no completion to end them: assumed released at once");
        if (pairing.UnmapsRecovered > 0)
            warnings.Add($"{pairing.UnmapsRecovered} unmap probes were lost and recovered from later events");
        warnings.AddRange(pairing.Notes());
        foreach (var (device, (parameters, _)) in devices.Known.Where(d => d.Value.Evidence == DeviceEvidence.Assumed))
            warnings.Add($"{device}: nothing shows whether it is an NVMe controller; min_align_mask assumed 0x{parameters.MinAlignMask:x} (set it with --device {device}=MASK)");
        if (models.Any(m => m.Pool.StartIsNominal))
            warnings.Add("the pool start is nominal (the capture does not give it): offsets are exact, absolute bounce addresses are not");
        return warnings;
    }
}
