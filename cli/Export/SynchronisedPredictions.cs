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
    public static IReadOnlyDictionary<string, SynchronisedVerdicts> For(Func<ICaptureReader> open, KernelFacts facts, ReplayRequest request)
    {
        var prepared = CaptureReplayer.Prepare(open, facts, request);
        if (prepared.Source is not (MappingSourceKind.Kprobes or MappingSourceKind.DmaEvents))
            return new Dictionary<string, SynchronisedVerdicts>();
        var verdicts = new Dictionary<string, SynchronisedVerdicts>();
        foreach (var (model, _) in CaptureReplayer.ChooseModels(request.Models, prepared.Release, prepared.Kernel).DistinctBy(m => m.Name))
        {
            var judged = new SynchronisedVerdicts();
            using var reader = open();
            CaptureValidator.Validate(reader, facts, new ValidationOptions(model, request.Pool, request.DeclaredDevices), judged: outcome => judged.Add(outcome));
            verdicts[model] = judged;
        }
        return verdicts;
    }
}
