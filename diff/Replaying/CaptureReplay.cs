using Swiotlb.Trace.Capture;
using Swiotlb.Trace.Diff.Findings;
using Swiotlb.Trace.Replay.Allocator;
using Swiotlb.Trace.Replay.Pairing;
using Swiotlb.Trace.Replay.Simulation;

namespace Swiotlb.Trace.Diff.Replaying;

/// <summary>A chosen model and why.</summary>
public sealed record ChosenModel(string Name, string Reason, PoolGeometryChoice Pool)
{
    /// <summary>The key its results are found under.</summary>
    public ModelKey Key => ModelKey.Of(Name);
}

/// <summary>A replayed capture: what was read, how mappings were paired, the models, and what they found.</summary>
/// <param name="Assumptions">What the results rest on beyond the capture (empty when its mappings are exact); every report shows them.</param>
public sealed record CaptureReplay(
    CaptureMetadata Metadata,
    ReadStatistics Reading,
    MappingSourceKind Source,
    PairingStatistics Pairing,
    IReadOnlyDictionary<string, (DeviceDmaParameters Parameters, DeviceEvidence Evidence)> Devices,
    IReadOnlyList<ChosenModel> Models,
    ReplaySummary Summary,
    IReadOnlyList<string> Warnings,
    IReadOnlyList<string> Assumptions)
{
    /// <summary>Each model with its run, in the order they were asked for.</summary>
    public IEnumerable<(ChosenModel Model, ModelRun Run)> ModelRuns => Models.Select(m => (m, Summary.Run(m.Key)));

    /// <summary>When the replay began, and how long it took (every model ran in the same pass).</summary>
    public DateTimeOffset Started { get; init; }

    public TimeSpan Elapsed { get; init; }

    /// <summary>PCI function → the driver that bound it, when a kernel log beside the capture says (<see cref="KernelFacts.DeviceDrivers"/>).</summary>
    public IReadOnlyDictionary<string, string> DeviceDrivers { get; init; } = new Dictionary<string, string>();
}
