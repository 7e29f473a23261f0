using Swiotlb.Trace.Capture;
using Swiotlb.Trace.Diff.Findings;
using Swiotlb.Trace.Diff.Replaying;
using Swiotlb.Trace.Replay.Allocator;

namespace Swiotlb.Trace.Diff.Comparison;

/// <summary>Two models on one capture: one replay with both, compared per mapping, per command and in aggregate.</summary>
public static class ModelDiffer
{
    /// <param name="candidate">The model under test (<c>--model</c>).</param>
    /// <param name="baseline">The model it is measured against (<c>--against</c>): what the candidate does worse is a regression.</param>
    /// <exception cref="ArgumentException">A model is unknown, or both name the same model: a bug in the caller, which
    /// checks the names it was given (the CLI refuses them as usage errors first).</exception>
    public static DiffReport Run(Func<ICaptureReader> open, KernelFacts facts, string candidate, string baseline, ReplayRequest request)
    {
        var candidateModel = Resolve(candidate, "--model");
        var baselineModel = Resolve(baseline, "--against");
        if (candidateModel == baselineModel)
            throw new ArgumentException($"--model {candidate} and --against {baseline} are both {candidateModel}: nothing to compare");
        var comparer = new ModelComparer(baselineModel, candidateModel);
        var replay = CaptureReplayer.Run(open, facts, request with { Models = [baselineModel, candidateModel] }, comparer);
        var before = new DiffSide(replay, ModelKey.Of(baselineModel), AddressesObserved: false, $"--against {baseline}");
        var after = new DiffSide(replay, ModelKey.Of(candidateModel), AddressesObserved: false, $"--model {candidate}");
        string[] pairing =
        [
            $"one capture replayed once through both models: {baselineModel} is the baseline, {candidateModel} the candidate",
            "each mapping and each NVMe command is compared under both; what the candidate does worse is a regression, what it does better a fix",
        ];
        return new DiffReport(pairing, before, after, AggregateComparer.Compare(before, after), comparer.Result());
    }

    private static string Resolve(string nameOrRelease, string option) =>
        ModelRegistry.Resolve(nameOrRelease, $"{option} '{nameOrRelease}'").Name;
}
