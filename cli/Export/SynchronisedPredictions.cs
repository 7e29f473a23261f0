using Swiotlb.Trace.Capture;
using Swiotlb.Trace.Diff.Replaying;
using Swiotlb.Trace.Replay.Validation;

namespace Swiotlb.Trace.Cli.Export;

/// <summary>The verdicts <c>validate</c> gives each mapping under each exported model: a prediction made from the pool
/// synchronised to the kernel's earlier answers, compared with the kernel's answer. A pure replay's addresses drift from
/// the kernel's after its first different choice, so only these say whether a model predicts the kernel.</summary>
public static class SynchronisedPredictions
{
    /// <summary>One synchronised replay per model, when the capture holds the kernel's answers (kprobes or <c>dma:*</c>
    /// events); empty otherwise, as there is nothing to compare with.</summary>
    /// <param name="prepared">The export's replay, prepared: its mapping source, kernel and models are these verdicts'.</param>
    public static IReadOnlyDictionary<string, SynchronisedVerdicts> For(CaptureReplayer.PreparedReplay prepared, Func<ICaptureReader> open, KernelFacts facts,
        ReplayRequest request)
    {
        if (prepared.Source is not (MappingSourceKind.Kprobes or MappingSourceKind.DmaEvents))
            return new Dictionary<string, SynchronisedVerdicts>();
        var verdicts = new Dictionary<string, SynchronisedVerdicts>();
        var models = CaptureReplayer.ChooseModels(request.Models, prepared.Release, prepared.Kernel).Select(m => m.Name).Distinct().ToList();
        var own = prepared.Kernel?.Generation.Name;
        // The kernel's own model first (run for its order alone when it is not exported): the order it finds for each group
        // of overlapping events is the order the others replay, as validate --model does (ReferenceOrderValidation).
        var order = own is not null ? new ReplayOrder() : null;
        if (own is not null && order is not null && !models.Contains(own))
        {
            using var reader = open();
            CaptureValidator.Validate(reader, facts, new ValidationOptions(own, request.Pool, request.DeclaredDevices), reordered: order.Record);
        }
        foreach (var model in models.OrderBy(m => m == own ? 0 : 1))
        {
            var judged = new SynchronisedVerdicts();
            var recorder = model == own ? order : null;
            using var reader = open();
            CaptureValidator.Validate(reader, facts, new ValidationOptions(model, request.Pool, request.DeclaredDevices) { ReferenceOrder = recorder is null ? order?.Ranks : null },
                judged: outcome => judged.Add(outcome), reordered: recorder is null ? null : recorder.Record);
            verdicts[model] = judged;
        }
        return verdicts;
    }
}
