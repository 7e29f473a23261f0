using Swiotlb.Trace.Capture;
using Swiotlb.Trace.Diff.Replaying;
using Swiotlb.Trace.Replay.Allocator;
using Swiotlb.Trace.Replay.Inference;
using Swiotlb.Trace.Replay.Pool;
using Swiotlb.Trace.Replay.Simulation;
using Swiotlb.Trace.Replay.Validation;

namespace Swiotlb.Trace.Diff.Pool;

/// <summary>
/// Analyses a capture's bounce pool: the kernel's own (from its answers, synchronised as <c>validate</c> does), each
/// model's on the capture's pool, and the capture replayed under every candidate pool of the sweep — all models side by
/// side in one pass over the capture.
/// </summary>
public static class CapturePoolAnalyser
{
    /// <param name="open">Opens the capture afresh; called up to four times (probe, device evidence, kernel's pool, models).</param>
    public static PoolAnalysis Run(Func<ICaptureReader> open, KernelFacts facts, PoolRequest request)
    {
        var prepared = CaptureReplayer.Prepare(open, facts, request.Replay);
        var observed = prepared.Source is MappingSourceKind.Kprobes or MappingSourceKind.DmaEvents ? FollowKernel(open, facts, request.Replay) : (Pool: null, Warnings: []);

        using var reader = open();
        var release = prepared.Release ?? reader.Metadata.KernelRelease;
        var cpus = facts.PossibleCpus ?? reader.Metadata.DeclaredCpus ?? 1;
        var models = ChooseModels(request.Replay.Models, release, prepared.Kernel)
            .Select(choice => CaptureReplayer.Sized(choice, prepared.Statements, prepared.Kernel)).ToList();
        var sweepGeneration = ModelRegistry.Resolve(models[0].Name, models[0].Name);
        var captured = models[0].Pool.Geometry;
        var grid = request.Sweep ? PoolSweep.Grid(sweepGeneration, captured, cpus) : [];

        var modelRuns = models.Select(m => Watched(m.Name, m.Pool.Geometry)).ToList();
        var sweepRuns = grid.Select(c => Watched(sweepGeneration.Name, new PoolGeometry(captured.StartAddress, c.Slots, c.Areas, captured.PageSize))).ToList();
        var engine = new ReplayEngine([.. modelRuns, .. sweepRuns], new DiscardingSink());
        var pairing = CaptureReplayer.Pair(reader, prepared.Source, engine, prepared.Devices, request.Replay, observer: null);

        var sweep = grid.Zip(sweepRuns, (candidate, run) => new SweepPoint(candidate, run.PoolObserver!.Mappings,
            run.Failures + run.EndlessSearches, run.EndlessSearches, run.PoolObserver.PeakUsedSlots, run.PoolObserver.FallBacks)).ToList();
        var smallest = PoolSweep.Smallest(sweep, captured.AreaCount);
        return new PoolAnalysis(reader.Metadata, reader.Statistics, prepared.Source, pairing, observed.Pool,
            [.. models.Zip(modelRuns, (model, run) => new ModelPool(model, run.PoolObserver!))],
            sweepGeneration.Name, sweep, smallest, smallest?.Pool.KernelArgument(sweepGeneration, facts.ForcesBouncing), facts.Debugfs,
            [.. reader.Statistics.Warnings.Select(w => w.ToString()), .. pairing.Notes(), .. observed.Warnings, .. FilterNote(request.Replay, observed.Pool)]);
    }

    /// <summary>Filters choose which mappings the models replay; the kernel's pool held every device's mappings, so its
    /// reconstruction keeps them all.</summary>
    private static IEnumerable<string> FilterNote(ReplayRequest request, ObservedPool? kernel) =>
        request.Filter.KeepsEverything || kernel is null ? []
            : ["the filters apply to the models and the sweep; the kernel's own pool is rebuilt from all its mappings, as the kernel held them"];

    /// <summary>The models asked for, else the capture's own kernel (else the newest).</summary>
    private static IReadOnlyList<(string Name, string Reason)> ChooseModels(IReadOnlyList<string> requested, string? release, CaptureKernel? kernel) =>
        requested.Count > 0 ? CaptureReplayer.ChooseModels(requested, release, kernel) : [CaptureReplayer.ChooseModels([], release, kernel)[^1]];

    private static ModelRun Watched(string model, PoolGeometry geometry)
    {
        var allocator = ModelRegistry.Create(model, geometry);
        return new ModelRun(allocator, new PoolObserver(allocator));
    }

    /// <summary>The kernel's own pool: the synchronised replay of its answers, followed change by change.</summary>
    private static (ObservedPool? Pool, IReadOnlyList<string> Warnings) FollowKernel(Func<ICaptureReader> open, KernelFacts facts, ReplayRequest request)
    {
        using var reader = open();
        ObservedPoolFollower? follower = null;
        CaptureValidation validation;
        try
        {
            validation = CaptureValidator.Validate(reader, facts, new ValidationOptions(null, request.Pool, request.DeclaredDevices),
                (generation, geometry) => follower = new ObservedPoolFollower(generation, geometry));
        }
        catch (UnknownCaptureKernelException)
        {
            return (null, ["the capture neither says which kernel made it nor holds its answers to infer one from: the kernel's own pool is not rebuilt (the models' are)"]);
        }
        var warnings = validation.Report.AllMatch ? [] : new List<string>
        {
            $"the kernel's pool is rebuilt from its answers, but {validation.Report.Mismatches} of {validation.Report.Predicted} predictions " +
            "differed from them: figures around those mappings are approximate",
        };
        return (new ObservedPool(validation.Model, validation.Pool, validation.Report, follower!.Observer, follower.BlockedBehindEndlessSearch), warnings);
    }

    private sealed class DiscardingSink : IReplaySink
    {
        public void Mapping(ReplayedMapping mapping) { }

        public void Command(ReplayedCommand command) { }
    }
}
