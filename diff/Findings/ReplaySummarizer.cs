using Swiotlb.Trace.Diff.Nvme;
using Swiotlb.Trace.Replay.Allocator;
using Swiotlb.Trace.Replay.Simulation;

namespace Swiotlb.Trace.Diff.Findings;

/// <summary>
/// Judges a replay as it streams by: per mapping and model, whether the in-page offset and the device's mask survived;
/// per NVMe command and model, what the driver's data pointer is and what the controller does with it (the kernel's own
/// addresses are judged the same way, and break as <see cref="FindingKind.Observed"/>); a command prepared twice counts once. Keeps totals and the
/// first <see cref="FindingsKeptPerGroup"/> findings of each device × model × kind.
/// </summary>
public sealed class ReplaySummarizer(IReadOnlyList<string> models, NvmeDataPaths paths) : IReplaySink
{
    public const int FindingsKeptPerGroup = 50;

    private readonly Dictionary<(string Device, string Model), DeviceModelSummary> _devices = [];
    private readonly Dictionary<(string Model, FindingKind Kind), long> _counts = [];
    private readonly Dictionary<(string Device, string Model, FindingKind Kind), int> _kept = [];
    private readonly List<MappingFinding> _mappingFindings = [];
    private readonly List<CommandFinding> _commandFindings = [];
    private bool _sawObserved;
    private readonly Dictionary<(string Model, PrpOutcome Outcome), long> _outcomes = [];
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
            JudgeAddress(mapping, ReplaySummary.Observed, observed, Summary(mapping.Record.DeviceName, ReplaySummary.Observed));
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
            CheckCommand(command, ReplaySummary.Observed, CommandCheck.OfObserved(command, paths.ForObserved(device)));
    }

    public ReplaySummary Summarise(IReadOnlyList<ModelRun> runs) => new(
        models, _sawObserved,
        [.. _devices.Values.OrderBy(d => d.Device, StringComparer.Ordinal).ThenBy(d => ModelOrder(d.Model))],
        _mappingFindings, _commandFindings, _counts, runs, _unchecked, _sgl)
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

    private int ModelOrder(string model) => model == ReplaySummary.Observed ? -1 : IndexOf(models, model);

    private static int IndexOf(IReadOnlyList<string> names, string name)
    {
        for (var i = 0; i < names.Count; i++)
            if (names[i] == name)
                return i;
        return -1;
    }

    private void Judge(ReplayedMapping mapping, string model, ModelOutcome outcome)
    {
        var summary = Summary(mapping.Record.DeviceName, model);
        if (outcome.Hazard)
            summary.Hazards++;
        switch (outcome.Result.Outcome)
        {
            case MapOutcome.Mapped:
                JudgeAddress(mapping, model, outcome.Result.Allocation.BounceAddress, summary);
                break;
            case MapOutcome.EndlessSearch:
                summary.Mappings++;
                summary.EndlessSearches++;
                var evidence = outcome.Result.Endless;
                if (Counted(summary.Device, model, FindingKind.Hang))
                    _mappingFindings.Add(new MappingFinding(FindingKind.Hang, summary.Device, model, mapping.Record.Sequence, mapping.Record.Window.Start,
                        mapping.Record.Request.Cpu, mapping.OriginalAddress, mapping.Size, null, mapping.ObservedBounce,
                        $"search never ends: area {evidence.Area}, cursor {evidence.Cursor}, wrap {evidence.Wrap}, stride {evidence.Stride}, " +
                        $"needs bits 0x{evidence.RequiredBits:x} under 0x{evidence.MatchMask:x}, {evidence.FreeSlots} free for {evidence.SlotsNeeded}"));
                break;
            default:
                summary.Mappings++;
                summary.Failures++;
                if (Counted(summary.Device, model, FindingKind.Failure))
                    _mappingFindings.Add(new MappingFinding(FindingKind.Failure, summary.Device, model, mapping.Record.Sequence, mapping.Record.Window.Start,
                        mapping.Record.Request.Cpu, mapping.OriginalAddress, mapping.Size, null, mapping.ObservedBounce,
                        outcome.Result.Outcome == MapOutcome.PoolFull ? "pool full (fail fast)" : "no fitting slots"));
                break;
        }
    }

    private void JudgeAddress(ReplayedMapping mapping, string model, ulong bounce, DeviceModelSummary summary)
    {
        var original = mapping.OriginalAddress;
        summary.Mappings++;
        if ((original & OffsetRules.PageOffsetMask) != 0)
        {
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
        var device = mapping.Record.Request.Device;
        if (!OffsetRules.BreaksDeviceMask(original, bounce, device))
            return;
        summary.MaskViolations++;
        if (Counted(summary.Device, model, FindingKind.Truncation))
            _mappingFindings.Add(new MappingFinding(FindingKind.Truncation, summary.Device, model, mapping.Record.Sequence, mapping.Record.Window.Start,
                mapping.Record.Request.Cpu, original, mapping.Size, bounce, mapping.ObservedBounce,
                $"offset 0x{original & device.MinAlignMask:x} under min_align_mask 0x{device.MinAlignMask:x} became 0x{bounce & device.MinAlignMask:x}"));
    }

    private void CheckCommand(ReplayedCommand command, string model, CommandCheck check)
    {
        if (check.Verdict is not { } verdict)
            return;
        var summary = Summary(command.Command.Device, model);
        summary.CommandsChecked++;
        _outcomes[(model, verdict.Outcome)] = _outcomes.GetValueOrDefault((model, verdict.Outcome)) + 1;
        if (!verdict.Breaks)
            return;
        summary.CommandsBroken++;
        var setup = command.Command.Setup;
        if (Counted(command.Command.Device, model, model == ReplaySummary.Observed ? FindingKind.Observed : FindingKind.Prp))
            _commandFindings.Add(new CommandFinding(command.Command.Device, model, setup.Disk, setup.QueueId, setup.CommandId, NvmeOperations.Name(setup.Opcode),
                setup.Range?.StartLba, setup.Range?.BlockCount, setup.Header.TimestampNs, check.Segments, verdict, PrpEffect.Describe(verdict, setup.Opcode)));
    }

    /// <summary>Counts a finding; true when it is among the first kept of its group (only those are built).</summary>
    private bool Counted(string device, string model, FindingKind kind)
    {
        Count(model, kind);
        return Keep(device, model, kind);
    }

    private void Count(string model, FindingKind kind) => _counts[(model, kind)] = _counts.GetValueOrDefault((model, kind)) + 1;

    private bool Keep(string device, string model, FindingKind kind)
    {
        var kept = _kept.GetValueOrDefault((device, model, kind));
        _kept[(device, model, kind)] = kept + 1;
        return kept < FindingsKeptPerGroup;
    }

    private DeviceModelSummary Summary(string device, string model)
    {
        if (!_devices.TryGetValue((device, model), out var summary))
            _devices[(device, model)] = summary = new DeviceModelSummary(device, model);
        return summary;
    }
}
