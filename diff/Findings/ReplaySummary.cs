using Swiotlb.Trace.Diff.Findings.Rules;
using Swiotlb.Trace.Diff.Nvme;
using Swiotlb.Trace.Replay.Simulation;

namespace Swiotlb.Trace.Diff.Findings;

/// <summary>Everything a replay found, bounded: totals for every device × model, the first findings of each kind in full.</summary>
public sealed record ReplaySummary(
    IReadOnlyList<ModelKey> Models,
    bool HasObservedAddresses,
    IReadOnlyList<DeviceModelSummary> Devices,
    IReadOnlyList<MappingFinding> MappingFindings,
    IReadOnlyList<CommandFinding> CommandFindings,
    IReadOnlyList<ModelRun> Runs,
    long CommandsUnchecked,
    long CommandsUsingSgl)
{
    /// <summary>How many checked commands ended each way, per model (and under <see cref="ModelKey.Observed"/>).</summary>
    public IReadOnlyDictionary<(ModelKey Model, PrpOutcome Outcome), long> CommandOutcomes { get; init; } = new Dictionary<(ModelKey, PrpOutcome), long>();

    /// <summary>The disks (NVMe namespaces) whose commands each device carried, as the capture names them.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>> DisksByDevice { get; init; } = new Dictionary<string, IReadOnlyList<string>>();

    /// <summary>Preparations the driver handed back and prepared again: each such command is judged once, as its later setup.</summary>
    public long CommandsResubmitted { get; init; }

    /// <summary>The driver and controller each model's commands went through.</summary>
    public NvmeDataPaths DataPaths { get; init; } = NvmeDataPaths.PrpOnly(0);

    /// <summary>A rule's findings under one model (or under <see cref="ModelKey.Observed"/>), over its devices.</summary>
    public long Count(ModelKey model, FindingRule rule) => Devices.Where(d => d.Model == model).Sum(d => d.Findings(rule));

    /// <summary>A rule's findings where they count: a prediction's under every model, the kernel's own under its addresses.</summary>
    public long Count(FindingRule rule) => Devices.Where(rule.Checks).Sum(d => d.Findings(rule));

    /// <summary>The run of one replayed model.</summary>
    public ModelRun Run(ModelKey model) => Runs.Single(r => r.Name == model.Name);

    public long Outcomes(ModelKey model, PrpOutcome outcome) => CommandOutcomes.GetValueOrDefault((model, outcome));
}
