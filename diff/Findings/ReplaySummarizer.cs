using Swiotlb.Trace.Diff.Findings.Rules;
using Swiotlb.Trace.Diff.Nvme;
using Swiotlb.Trace.Replay.Allocator;
using Swiotlb.Trace.Replay.Simulation;

namespace Swiotlb.Trace.Diff.Findings;

/// <summary>
/// Judges a replay as it streams by: per mapping and model, whether the in-page offset and the device's mask survived;
/// per NVMe command and model, what the driver's data pointer is and what the controller does with it (the kernel's own
/// addresses are judged the same way, and break as <see cref="FindingRules.Observed"/>); a command prepared twice counts once. Every rule of
/// <see cref="FindingRules"/> judges each; totals are kept per device × model, and the first <see cref="FindingsKeptPerGroup"/> findings
/// of each device × model × rule in full.
/// </summary>
public sealed class ReplaySummarizer(IReadOnlyList<ModelKey> models, NvmeDataPaths paths) : IReplaySink
{
    public const int FindingsKeptPerGroup = 50;

    private readonly List<ModelKey> _order = [.. models];
    private readonly Dictionary<(string Device, ModelKey Model), DeviceModelSummary> _devices = [];
    private readonly Dictionary<(string Device, ModelKey Model, FindingRule Rule), int> _kept = [];
    private readonly List<MappingFinding> _mappingFindings = [];
    private readonly List<CommandFinding> _commandFindings = [];
    private bool _sawObserved;
    private readonly Dictionary<(ModelKey Model, PrpOutcome Outcome), long> _outcomes = [];
    private long _unchecked;
    private long _sgl;
    private long _resubmitted;
    private readonly HashSet<string> _commandDevices = [];
    private readonly Dictionary<string, SortedSet<string>> _disks = new(StringComparer.Ordinal);

    /// <summary>Disks named per device: a controller has a few namespaces, more names are not kept.</summary>
    private const int DisksKeptPerDevice = 8;

    /// <summary>The devices whose NVMe commands were judged.</summary>
    public IReadOnlyCollection<string> CommandDevices => _commandDevices;

    public void Mapping(ReplayedMapping mapping)
    {
        for (var i = 0; i < models.Count; i++)
            Judge(mapping, models[i], mapping.Outcomes[i]);
        if (mapping.ObservedBounce is { } observed)
        {
            _sawObserved = true;
            JudgeObserved(mapping, observed);
        }
    }

    public void Command(ReplayedCommand command)
    {
        NoteDisk(command.Command.Device, command.Command.Setup.Disk);
        if (command.Command.Resubmitted)
        {
            _resubmitted++;
            return;
        }
        if (command.Command.Setup.UsesSgl)
        {
            _sgl++;
            return;
        }
        if (command.MissingSegments > 0)
        {
            _unchecked++;
            return;
        }
        var device = command.Command.Device;
        _commandDevices.Add(device);
        for (var i = 0; i < models.Count; i++)
        {
            var index = i;
            CheckCommand(command, models[i], CommandCheck.Of(command, s => s.Outcomes[index].BounceAddress, paths.ForModel(i, device)));
        }
        if (_sawObserved)
            CheckCommand(command, ModelKey.Observed, CommandCheck.OfObserved(command, paths.ForObserved(device)));
    }

    public ReplaySummary Summarise(IReadOnlyList<ModelRun> runs) => new(
        models, _sawObserved,
        [.. _devices.Values.OrderBy(d => d.Device, StringComparer.Ordinal).ThenBy(d => ModelOrder(d.Model))],
        _mappingFindings, _commandFindings, runs, _unchecked, _sgl)
    {
        CommandOutcomes = _outcomes,
        CommandsResubmitted = _resubmitted,
        DataPaths = paths,
        DisksByDevice = _disks.ToDictionary(d => d.Key, d => (IReadOnlyList<string>)[.. d.Value], StringComparer.Ordinal),
    };

    private void NoteDisk(string device, string? disk)
    {
        if (string.IsNullOrEmpty(disk))
            return;
        if (!_disks.TryGetValue(device, out var disks))
            _disks[device] = disks = new SortedSet<string>(StringComparer.Ordinal);
        if (disks.Count < DisksKeptPerDevice)
            disks.Add(disk);
    }

    /// <summary>The kernel's own row first, then the models in the order they were asked for.</summary>
    private int ModelOrder(ModelKey model) => model.IsObserved ? -1 : _order.IndexOf(model);

    private void Judge(ReplayedMapping mapping, ModelKey model, ModelOutcome outcome)
    {
        var summary = Summary(mapping.Record.DeviceName, model);
        if (outcome.Hazard)
            summary.Hazards++;
        var judgement = MappingJudgement.OfModel(mapping, outcome);
        summary.Mappings++;
        if (judgement.Bounce is { } bounce)
            CountOffset(mapping, bounce, summary);
        Find(judgement, summary, observedAddresses: false);
    }

    private void JudgeObserved(ReplayedMapping mapping, ulong bounce)
    {
        var summary = Summary(mapping.Record.DeviceName, ModelKey.Observed);
        summary.Mappings++;
        CountOffset(mapping, bounce, summary);
        Find(MappingJudgement.OfKernel(mapping, bounce), summary, observedAddresses: true);
    }

    private static void CountOffset(ReplayedMapping mapping, ulong bounce, DeviceModelSummary summary)
    {
        var original = mapping.OriginalAddress;
        if ((original & OffsetRules.PageOffsetMask) == 0)
            return;
        summary.WithPageOffset++;
        var kept = OffsetRules.PageOffsetKept(original, bounce);
        summary.ByBufferOffset.Add(OffsetHistogram.OffsetBucket(original), kept);
        summary.BySizeClass.Add(OffsetHistogram.SizeClass(mapping.Size), kept);
        if (!kept)
        {
            summary.OffsetsLost++;
            summary.BytesAffected += mapping.Size;
        }
    }

    private void Find(MappingJudgement judgement, DeviceModelSummary summary, bool observedAddresses)
    {
        foreach (var rule in FindingRules.Mappings)
        {
            if (!rule.Evaluates(observedAddresses) || rule.Finds(judgement) != true)
                continue;
            summary.Found(rule);
            if (!Keep(summary.Device, summary.Model, rule))
                continue;
            var mapping = judgement.Mapping;
            _mappingFindings.Add(new MappingFinding(rule, summary.Device, summary.Model, mapping.Record.Sequence, mapping.Record.Window.Start,
                mapping.Record.Request.Cpu, mapping.OriginalAddress, mapping.Size, judgement.Bounce, mapping.ObservedBounce,
                rule.Detail(judgement), rule.Evidence(judgement)));
        }
    }

    private void CheckCommand(ReplayedCommand command, ModelKey model, CommandCheck check)
    {
        if (check.Verdict is not { } verdict)
            return;
        var summary = Summary(command.Command.Device, model);
        summary.CommandsChecked++;
        _outcomes[(model, verdict.Outcome)] = _outcomes.GetValueOrDefault((model, verdict.Outcome)) + 1;
        if (verdict.Breaks)
            summary.CommandsBroken++;
        foreach (var rule in FindingRules.Commands)
        {
            if (!rule.Evaluates(summary.IsObserved) || !rule.Finds(verdict))
                continue;
            summary.Found(rule);
            if (!Keep(summary.Device, model, rule))
                continue;
            var setup = command.Command.Setup;
            _commandFindings.Add(new CommandFinding(rule, command.Command.Device, model, setup.Disk, setup.QueueId, setup.CommandId, NvmeOperations.Name(setup.Opcode),
                setup.Range?.StartLba, setup.Range?.BlockCount, setup.Header.TimestampNs, check.Segments, verdict, PrpEffect.Describe(verdict, setup.Opcode)));
        }
    }

    /// <summary>True when a finding is among the first kept of its device × model × rule (only those are built).</summary>
    private bool Keep(string device, ModelKey model, FindingRule rule)
    {
        var kept = _kept.GetValueOrDefault((device, model, rule));
        _kept[(device, model, rule)] = kept + 1;
        return kept < FindingsKeptPerGroup;
    }

    private DeviceModelSummary Summary(string device, ModelKey model)
    {
        if (!_devices.TryGetValue((device, model), out var summary))
            _devices[(device, model)] = summary = new DeviceModelSummary(device, model);
        return summary;
    }
}
