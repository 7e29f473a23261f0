using Swiotlb.Trace.Capture;
using Swiotlb.Trace.Diff.Replaying;
using Swiotlb.Trace.Replay.Allocator;
using Swiotlb.Trace.Replay.Pairing;
using Swiotlb.Trace.Replay.Pool;
using Swiotlb.Trace.Replay.Validation;

namespace Swiotlb.Trace.Diff.Pool;

/// <summary>The kernel's own pool, rebuilt from its answers by the synchronised replay <c>validate</c> runs.</summary>
/// <param name="Reconstruction">How well the model explained the kernel's answers: the state the figures rest on.</param>
/// <param name="BlockedBehindEndlessSearch">Mappings that never returned because another CPU's endless search held a lock they needed.</param>
public sealed record ObservedPool(string Model, PoolGeometryChoice Pool, ValidationReport Reconstruction, PoolObserver Observer, int BlockedBehindEndlessSearch);

/// <summary>One model living through the capture on its own (a pure replay: its own addresses, its own failures).</summary>
public sealed record ModelPool(ChosenModel Model, PoolObserver Observer);

/// <summary>A pool analysis of a capture: the kernel's own pool, each model's, and the what-if sweep.</summary>
/// <param name="SweepModel">The generation the sweep replays (the first model).</param>
/// <param name="Smallest">The smallest pool without failures that stays so at every larger size swept; null when none.</param>
/// <param name="Debugfs">The kernel's own counters, when the capture has them: the high-water mark is checked against them.</param>
public sealed record PoolAnalysis(
    CaptureMetadata Metadata,
    ReadStatistics Reading,
    MappingSourceKind Source,
    PairingStatistics Pairing,
    ObservedPool? Observed,
    IReadOnlyList<ModelPool> Models,
    string SweepModel,
    IReadOnlyList<SweepPoint> Sweep,
    SweepPoint? Smallest,
    string? RecommendedArgument,
    SwiotlbCounters? Debugfs,
    IReadOnlyList<string> Warnings);
