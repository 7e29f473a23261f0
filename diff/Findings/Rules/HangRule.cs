using Swiotlb.Trace.Replay.Allocator;

namespace Swiotlb.Trace.Diff.Findings.Rules;

/// <summary>A mapping whose slot search the model shows never ends: the kernel would hang in it.</summary>
public sealed class HangRule : MappingRule
{
    public override string Name => "hang";

    public override string Detects => "mappings whose slot search never ends";

    public override FindingFigure Figure { get; } =
        new("endlessSearches", "endless searches (hang)", FigureRow.Model, r => r.Findings(FindingRules.Hang), r => r.Mappings);

    protected override TransitionNames Transitions { get; } =
        new("endlessSearchAppeared", "endlessSearchGone", "mapped → endless search (hang)", "endless search → mapped");

    public override bool? Finds(MappingJudgement judgement) => judgement.Result?.Outcome == MapOutcome.EndlessSearch;

    public override IReadOnlyList<FindingField> Evidence(MappingJudgement judgement)
    {
        var evidence = judgement.Result!.Value.Endless;
        return
        [
            FindingField.Count("area", evidence.Area), FindingField.Count("cursor", evidence.Cursor), FindingField.Count("wrap", evidence.Wrap),
            FindingField.Count("stride", evidence.Stride), FindingField.Address("requiredBits", evidence.RequiredBits),
            FindingField.Address("matchMask", evidence.MatchMask), FindingField.Count("freeSlots", evidence.FreeSlots),
            FindingField.Count("slotsNeeded", evidence.SlotsNeeded),
        ];
    }

    public override string Detail(MappingJudgement judgement)
    {
        var evidence = judgement.Result!.Value.Endless;
        return $"search never ends: area {evidence.Area}, cursor {evidence.Cursor}, wrap {evidence.Wrap}, stride {evidence.Stride}, " +
            $"needs bits 0x{evidence.RequiredBits:x} under 0x{evidence.MatchMask:x}, {evidence.FreeSlots} free for {evidence.SlotsNeeded}";
    }
}
