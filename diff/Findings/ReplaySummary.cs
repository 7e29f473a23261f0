using Swiotlb.Trace.Diff.Nvme;
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

    /// <summary>How many checked commands ended each way, per model (and under <see cref="Observed"/>).</summary>
    public IReadOnlyDictionary<(string Model, PrpOutcome Outcome), long> CommandOutcomes { get; init; } = new Dictionary<(string, PrpOutcome), long>();

    /// <summary>The disks (NVMe namespaces) whose commands each device carried, as the capture names them.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>> DisksByDevice { get; init; } = new Dictionary<string, IReadOnlyList<string>>();

    /// <summary>Preparations the driver handed back and prepared again: each such command is judged once, as its later setup.</summary>
    public long CommandsResubmitted { get; init; }

    /// <summary>The driver and controller each model's commands went through.</summary>
    public NvmeDataPaths DataPaths { get; init; } = NvmeDataPaths.PrpOnly(0);

    public long Count(string model, FindingKind kind) => FindingCounts.GetValueOrDefault((model, kind));

    /// <summary>A kind's findings: predictions under the models, and for <see cref="FindingKind.Observed"/> the kernel's own.</summary>
    public long Count(FindingKind kind) =>
        FindingCounts.Where(p => p.Key.Kind == kind && (p.Key.Model != Observed || kind == FindingKind.Observed)).Sum(p => p.Value);

    public long Outcomes(string model, PrpOutcome outcome) => CommandOutcomes.GetValueOrDefault((model, outcome));
}
