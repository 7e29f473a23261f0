using Swiotlb.Trace.Capture;
using Swiotlb.Trace.Diff.Nvme;
using Swiotlb.Trace.Events;
using Swiotlb.Trace.Replay.Inference;
using Swiotlb.Trace.Replay.Pairing;
using Swiotlb.Trace.Replay.Simulation;

namespace Swiotlb.Trace.Diff.Replaying;

/// <summary>
/// The pass before the models run, for exact sources (kprobes, <c>dma:*</c>): pairing only, to learn what the kernel's
/// own addresses show (devices without a min_align_mask among those that would be given one, controllers that took SGLs)
/// and to keep the first records for inference. Fed event by event, so that a caller reading the capture for its own
/// ends (<c>inspect</c>) gathers it in the same pass.
/// </summary>
public sealed class EvidenceGathering
{
    private readonly ReplayRequest _request;
    private readonly ObservedEvidence _evidence;
    private readonly DeviceClassifier _devices;
    private readonly IEventPairer _pairer;

    /// <param name="release">The capture's kernel release, for its NVMe driver; null when unknown.</param>
    public EvidenceGathering(KernelFacts facts, ReplayRequest request, string? release)
    {
        _request = request;
        _evidence = new ObservedEvidence(NvmeDriverGenerations.Of(release));
        _devices = DeviceClassifier.From(request.DeclaredDevices, facts);
        _pairer = CaptureReplayer.Pairer(MappingSourceKind.Kprobes, new ReplayEngine(Array.Empty<ModelRun>(), _evidence), _devices, request, Prefix);
    }

    /// <summary>The first records, before the request's filter.</summary>
    public CapturePrefix Prefix { get; } = new();

    public void Feed(TraceEvent traceEvent) => _pairer.Feed(traceEvent);

    /// <summary>The capture ended: what the pass found.</summary>
    public CaptureReplayer.DeviceEvidenceFound Finish()
    {
        _pairer.Finish();
        var withoutMask = _evidence.DevicesWithoutMinAlignMask
            .Where(d => _devices.IsKnown(d.Key) && _devices.ParametersOf(d.Key).MinAlignMask != 0 && !_request.DeclaredDevices.ContainsKey(d.Key))
            .ToDictionary(d => d.Key, d => d.Value);
        return new CaptureReplayer.DeviceEvidenceFound(withoutMask, _evidence.SglShownBy);
    }
}
