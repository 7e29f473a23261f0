using Swiotlb.Trace.Capture;
using Swiotlb.Trace.Diff.Findings;
using Swiotlb.Trace.Diff.Nvme;
using Swiotlb.Trace.Diff.Replaying;
using Swiotlb.Trace.Events;
using Swiotlb.Trace.Replay.Allocator;
using Swiotlb.Trace.Replay.Simulation;

namespace Swiotlb.Trace.Diff.Comparison;

/// <summary>
/// Compares two models' answers as the replay streams by: per mapping (offset, mask, failure, endless search, bounce
/// address) and per NVMe command (PRPs). Keeps counts and the first <see cref="ExamplesKept"/> examples of each
/// device × transition, never the mappings themselves.
/// </summary>
public sealed class ModelComparer(string baseline, string candidate) : IReplayObserver
{
    public const int ExamplesKept = 20;

    private readonly Dictionary<(string Device, TransitionKind Kind), long> _counts = [];
    private readonly Dictionary<string, long> _mappingsCompared = [];
    private readonly Dictionary<string, long> _commandsCompared = [];
    private readonly Dictionary<FindingKind, long> _regressed = [];
    private readonly List<MappingTransition> _mappings = [];
    private readonly List<CommandTransition> _commands = [];
    private int _baseline = -1;
    private int _candidate = -1;
    private NvmeDataPaths _paths = NvmeDataPaths.PrpOnly(0);

    public void Started(CaptureMetadata capture, IReadOnlyList<ChosenModel> models, NvmeDataPaths dataPaths)
    {
        _paths = dataPaths;
        _baseline = IndexOf(models, baseline);
        _candidate = IndexOf(models, candidate);
    }

    public void Event(TraceEvent traceEvent)
    {
    }

    public void Mapping(ReplayedMapping mapping)
    {
        var before = mapping.Outcomes[_baseline];
        var after = mapping.Outcomes[_candidate];
        var device = mapping.Record.DeviceName;
        _mappingsCompared[device] = _mappingsCompared.GetValueOrDefault(device) + 1;
        var transitions = new List<TransitionKind>();
        Compare(transitions, Failed(before), Failed(after), TransitionKind.FailureAppeared, TransitionKind.FailureGone);
        Compare(transitions, Endless(before), Endless(after), TransitionKind.EndlessSearchAppeared, TransitionKind.EndlessSearchGone);
        if (before.BounceAddress is { } was && after.BounceAddress is { } now)
        {
            var original = mapping.OriginalAddress;
            if ((original & OffsetRules.PageOffsetMask) != 0)
                Compare(transitions, !OffsetRules.PageOffsetKept(original, was), !OffsetRules.PageOffsetKept(original, now),
                    TransitionKind.OffsetLost, TransitionKind.OffsetKept);
            var mask = mapping.Record.Request.Device;
            Compare(transitions, OffsetRules.BreaksDeviceMask(original, was, mask), OffsetRules.BreaksDeviceMask(original, now, mask),
                TransitionKind.MaskBroken, TransitionKind.MaskRespected);
            if (transitions.Count == 0 && was != now)
                transitions.Add(TransitionKind.BounceMoved);
        }
        CountRegressed(transitions);
        foreach (var kind in transitions)
            if (Counted(device, kind) <= ExamplesKept)
                _mappings.Add(new MappingTransition(kind, device, mapping.Record.Sequence, mapping.Record.Window.Start, mapping.Record.Request.Cpu,
                    mapping.OriginalAddress, mapping.Size, before.BounceAddress, after.BounceAddress, mapping.ObservedBounce));
    }

    public void Command(ReplayedCommand command)
    {
        if (command.Command.Resubmitted)
            return;
        var device = command.Command.Device;
        var before = CommandCheck.Of(command, s => s.Outcomes[_baseline].BounceAddress, _paths.ForModel(_baseline, device));
        var after = CommandCheck.Of(command, s => s.Outcomes[_candidate].BounceAddress, _paths.ForModel(_candidate, device));
        if (before.Verdict is not { } was || after.Verdict is not { } now)
            return;
        _commandsCompared[device] = _commandsCompared.GetValueOrDefault(device) + 1;
        if (was.Breaks == now.Breaks)
            return;
        var kind = now.Breaks ? TransitionKind.PrpBroken : TransitionKind.PrpRepaired;
        CountRegressed([kind]);
        if (Counted(device, kind) > ExamplesKept)
            return;
        var placements = before.Segments.Zip(after.Segments, (b, a) => new SegmentPlacement(b.Original, b.Size, b.Bounce, a.Bounce)).ToList();
        var setup = command.Command.Setup;
        _commands.Add(new CommandTransition(kind, device, setup.Disk, setup.QueueId, setup.CommandId, NvmeOperations.Name(setup.Opcode),
            setup.Header.TimestampNs, placements, was, now, PrpEffect.Describe(now.Breaks ? now : was, setup.Opcode)));
    }

    public ModelTransitions Result()
    {
        var counts = _counts
            .Select(c => new TransitionCount(c.Key.Device, c.Key.Kind, new Tally(c.Value, Compared(c.Key.Device, c.Key.Kind))))
            .OrderBy(c => c.Kind.Direction()).ThenBy(c => c.Device, StringComparer.Ordinal).ThenBy(c => c.Kind)
            .ToList();
        return new ModelTransitions(counts, _regressed, _mappings, _commands);
    }

    /// <summary>Each mapping or command once per kind it regressed in, however many of that kind's transitions it made.</summary>
    private void CountRegressed(IEnumerable<TransitionKind> transitions)
    {
        foreach (var kind in transitions.Where(t => t.Direction() == ChangeDirection.Regression).Select(t => t.Kind()!.Value).Distinct())
            _regressed[kind] = _regressed.GetValueOrDefault(kind) + 1;
    }

    private long Compared(string device, TransitionKind kind) =>
        (kind.IsCommand() ? _commandsCompared : _mappingsCompared).GetValueOrDefault(device);

    private static void Compare(List<TransitionKind> transitions, bool wasBad, bool isBad, TransitionKind worse, TransitionKind better)
    {
        if (wasBad != isBad)
            transitions.Add(isBad ? worse : better);
    }

    private static bool Failed(ModelOutcome outcome) => outcome.Result.Outcome is MapOutcome.PoolFull or MapOutcome.NoFit;

    private static bool Endless(ModelOutcome outcome) => outcome.Result.Outcome == MapOutcome.EndlessSearch;

    private long Counted(string device, TransitionKind kind) => _counts[(device, kind)] = _counts.GetValueOrDefault((device, kind)) + 1;

    private static int IndexOf(IReadOnlyList<ChosenModel> models, string name)
    {
        for (var i = 0; i < models.Count; i++)
            if (models[i].Name == name)
                return i;
        throw new ArgumentException($"model {name} is not among those replayed ({string.Join(", ", models.Select(m => m.Name))})");
    }
}
