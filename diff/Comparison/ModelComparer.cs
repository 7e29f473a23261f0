using Swiotlb.Trace.Capture;
using Swiotlb.Trace.Diff.Findings;
using Swiotlb.Trace.Diff.Findings.Rules;
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

    private readonly Dictionary<(string Device, Transition Kind), long> _counts = [];
    private readonly Dictionary<string, long> _mappingsCompared = [];
    private readonly Dictionary<string, long> _commandsCompared = [];
    private readonly Dictionary<FindingRule, long> _regressed = [];
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
        var was = MappingJudgement.OfModel(mapping, before);
        var now = MappingJudgement.OfModel(mapping, after);
        var transitions = new List<Transition>();
        foreach (var (condition, worse, better) in Transitions.Mappings)
            if (condition.Holds(was) is { } wasBad && condition.Holds(now) is { } isBad && wasBad != isBad)
                transitions.Add(isBad ? worse : better);
        if (transitions.Count == 0 && was.Bounce is { } from && now.Bounce is { } to && from != to)
            transitions.Add(Transitions.BounceMoved);
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
        foreach (var (rule, worse, better) in Transitions.Commands)
        {
            var wasBad = rule.Finds(was);
            var isBad = rule.Finds(now);
            if (wasBad == isBad)
                continue;
            var kind = isBad ? worse : better;
            CountRegressed([kind]);
            if (Counted(device, kind) <= ExamplesKept)
                Keep(command, kind, before, after, isBad ? now : was);
        }
    }

    private void Keep(ReplayedCommand command, Transition kind, CommandCheck before, CommandCheck after, PrpVerdict broken)
    {
        var device = command.Command.Device;
        var placements = before.Segments.Zip(after.Segments, (b, a) => new SegmentPlacement(b.Original, b.Size, b.Bounce, a.Bounce)).ToList();
        var setup = command.Command.Setup;
        _commands.Add(new CommandTransition(kind, device, setup.Disk, setup.QueueId, setup.CommandId, NvmeOperations.Name(setup.Opcode),
            setup.Header.TimestampNs, placements, before.Verdict!, after.Verdict!, PrpEffect.Describe(broken, setup.Opcode)));
    }

    public ModelTransitions Result()
    {
        var counts = _counts
            .Select(c => new TransitionCount(c.Key.Device, c.Key.Kind, new Tally(c.Value, Compared(c.Key.Device, c.Key.Kind))))
            .OrderBy(c => c.Kind.Direction).ThenBy(c => c.Device, StringComparer.Ordinal).ThenBy(c => c.Kind.Order)
            .ToList();
        return new ModelTransitions(counts, _regressed, _mappings, _commands);
    }

    /// <summary>Each mapping or command once per kind it regressed in, however many of that kind's transitions it made.</summary>
    private void CountRegressed(IEnumerable<Transition> transitions)
    {
        foreach (var kind in transitions.Where(t => t.Direction == ChangeDirection.Regression).Select(t => t.Rule!).Distinct())
            _regressed[kind] = _regressed.GetValueOrDefault(kind) + 1;
    }

    private long Compared(string device, Transition kind) =>
        (kind.Subject == FindingSubject.Command ? _commandsCompared : _mappingsCompared).GetValueOrDefault(device);

    private long Counted(string device, Transition kind) => _counts[(device, kind)] = _counts.GetValueOrDefault((device, kind)) + 1;

    private static int IndexOf(IReadOnlyList<ChosenModel> models, string name)
    {
        for (var i = 0; i < models.Count; i++)
            if (models[i].Name == name)
                return i;
        throw new ArgumentException($"model {name} is not among those replayed ({string.Join(", ", models.Select(m => m.Name))})");
    }
}
