using Swiotlb.Trace.Capture;
using Swiotlb.Trace.Diff.Findings;
using Swiotlb.Trace.Replay.Allocator;
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
    public const string Newest = "linux-6.9";

    /// <param name="open">Opens the capture afresh; called twice.</param>
    /// <param name="observer">Also receives every replayed mapping and command (e.g. an exporter), and every event read.</param>
    public static CaptureReplay Run(Func<ICaptureReader> open, KernelFacts facts, ReplayRequest request, IReplayObserver? observer = null)
    {
        MappingSourceKind source;
        ulong? poolStart;
        using (var probe = open())
            (source, poolStart) = MappingSourceProbe.Probe(probe);

        using var reader = open();
        var release = facts.Release ?? reader.Metadata.KernelRelease;
        var models = ChooseModels(request.Models, release)
            .Select(choice => Sized(choice, facts, poolStart, reader.Metadata.DeclaredCpus, request.Pool)).ToList();
        var summarizer = new ReplaySummarizer([.. models.Select(m => m.Name)]);
        IReplaySink sink = observer is null ? summarizer : new ReplaySinks(summarizer, observer);
        var engine = new ReplayEngine([.. models.Select(m => ModelRegistry.Create(m.Name, m.Pool.Geometry))], sink);
        observer?.Started(reader.Metadata, models);
        var devices = DeviceClassifier.From(request.DeclaredDevices, facts);
        IEventPairer pairer = source switch
        {
            MappingSourceKind.BouncedEvents => new BouncedMappingPairer(engine, devices),
            MappingSourceKind.BlockRequests => new BlockRequestPairer(engine, devices, request.BlockRequests),
            _ => new MappingPairer(engine, devices),
        };
        foreach (var traceEvent in reader.ReadEvents())
        {
            observer?.Event(traceEvent);
            pairer.Feed(traceEvent);
        }
        pairer.Finish();

        return new CaptureReplay(reader.Metadata, reader.Statistics, source, pairer.Statistics, devices.Known, models,
            summarizer.Summarise(engine.Models), Warnings(source, pairer.Statistics, devices, models),
            source == MappingSourceKind.BlockRequests ? request.BlockRequests.Describe() : []);
    }

    /// <summary>The models asked for, else the one before the fix and the capture kernel's own (or the newest).</summary>
    /// <exception cref="ArgumentException">A requested model is unknown.</exception>
    public static IReadOnlyList<(string Name, string Reason)> ChooseModels(IReadOnlyList<string> requested, string? release)
    {
        if (requested.Count > 0)
            return [.. requested.Select(Requested)];
        var own = release is not null && ModelRegistry.TryResolve(release, out var generation) ? generation.Name : null;
        var after = own switch
        {
            null => (Newest, "the newest model: the capture does not name its kernel"),
            BeforeFix => (Newest, $"the newest model: the capture's kernel {release} predates the fix"),
            _ => (own, $"the capture's kernel {release}"),
        };
        return [(BeforeFix, "before the min_align_mask fix"), after];
    }

    private static (string Name, string Reason) Requested(string name)
    {
        var generation = ModelRegistry.Resolve(name, $"unknown model '{name}'");
        return (generation.Name, name == generation.Name ? "asked for" : $"asked for as {name}");
    }

    private static ChosenModel Sized((string Name, string Reason) choice, KernelFacts facts, ulong? poolStart, int? cpus, PoolOverrides overrides) =>
        new(choice.Name, choice.Reason, PoolGeometryResolver.Resolve(ModelRegistry.Resolve(choice.Name, choice.Name), facts, poolStart, cpus, overrides));

    /// <summary>What a reader of the report must know to trust it: the weaker the source, the more it says.</summary>
    private static List<string> Warnings(MappingSourceKind source, PairingStatistics pairing, DeviceClassifier devices, IReadOnlyList<ChosenModel> models)
    {
        var warnings = new List<string>();
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
        foreach (var (device, (parameters, evidence)) in devices.Known.Where(d => d.Value.Evidence == DeviceEvidence.Assumed))
            warnings.Add($"{device}: nothing shows whether it is an NVMe controller; min_align_mask assumed 0x{parameters.MinAlignMask:x} (set it with --device {device}=MASK)");
        if (models.Any(m => m.Pool.Sources.Any(s => s.Contains("nominal", StringComparison.Ordinal))))
            warnings.Add("the pool start is nominal (the capture does not give it): offsets are exact, absolute bounce addresses are not");
        return warnings;
    }
}
