using Swiotlb.Trace.Replay.Simulation;

namespace Swiotlb.Trace.Diff.Findings;

/// <summary>Everything a replay found, bounded: totals for every device × model, the first findings of each kind in full.</summary>
public sealed record ReplaySummary(
    IReadOnlyList<string> Models,
    bool HasObservedAddresses,
    IReadOnlyList<DeviceModelSummary> Devices,
    IReadOnlyList<MappingFinding> MappingFindings,
    IReadOnlyList<CommandFinding> CommandFindings,
    IReadOnlyDictionary<(string Model, FindingKind Kind), long> FindingCounts,
    IReadOnlyList<ModelRun> Runs,
    long CommandsUnchecked,
    long CommandsUsingSgl)
{
    /// <summary>The pseudo-model under which the kernel's own observed addresses are summarised.</summary>
    public const string Observed = "observed";

    public long Count(string model, FindingKind kind) => FindingCounts.GetValueOrDefault((model, kind));

    public long Count(FindingKind kind) => FindingCounts.Where(p => p.Key.Kind == kind && p.Key.Model != Observed).Sum(p => p.Value);
}
