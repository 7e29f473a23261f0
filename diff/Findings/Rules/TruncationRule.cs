namespace Swiotlb.Trace.Diff.Findings.Rules;

/// <summary>A mapping whose bounce address breaks its device's min_align_mask (<c>(orig &amp; m) != (tlb &amp; m)</c>): the
/// device sees another offset than the buffer's. Judged on the kernel's own addresses too, as a figure.</summary>
public sealed class TruncationRule : MappingRule
{
    private static readonly TransitionNames OffsetNames = new("offsetLost", "offsetKept", "in-page offset kept → lost", "in-page offset lost → kept");

    public override string Name => "truncation";

    public override string Detects => "mappings whose bounce address breaks the device's min_align_mask";

    public override FindingFigure Figure { get; } =
        new("maskViolations", "min_align_mask broken, of mappings", FigureRow.Addresses, r => r.Findings(FindingRules.Truncation), r => r.Mappings);

    /// <summary>A lost in-page offset regresses as a truncation before the mask is judged: it is what the mask exists to keep.</summary>
    public override IReadOnlyList<MappingCondition> Conditions => [new(OffsetNames, LosesPageOffset), new(Transitions, Finds)];

    protected override TransitionNames Transitions { get; } =
        new("maskBroken", "maskRespected", "min_align_mask respected → broken", "min_align_mask broken → respected");

    public override bool Evaluates(bool observedAddresses) => true;

    public override bool? Finds(MappingJudgement judgement) =>
        judgement.Bounce is { } bounce ? OffsetRules.BreaksDeviceMask(judgement.Mapping.OriginalAddress, bounce, judgement.Mapping.Record.Request.Device) : null;

    public override string Detail(MappingJudgement judgement)
    {
        var mask = judgement.Mapping.Record.Request.Device.MinAlignMask;
        return $"offset 0x{judgement.Mapping.OriginalAddress & mask:x} under min_align_mask 0x{mask:x} became 0x{judgement.Bounce!.Value & mask:x}";
    }

    public override IReadOnlyList<FindingField> Evidence(MappingJudgement judgement)
    {
        var mask = judgement.Mapping.Record.Request.Device.MinAlignMask;
        return [FindingField.Address("minAlignMask", mask), FindingField.Address("offset", judgement.Mapping.OriginalAddress & mask),
            FindingField.Address("bounceOffset", judgement.Bounce!.Value & mask)];
    }

    private static bool? LosesPageOffset(MappingJudgement judgement)
    {
        var original = judgement.Mapping.OriginalAddress;
        if (judgement.Bounce is not { } bounce || (original & OffsetRules.PageOffsetMask) == 0)
            return null;
        return !OffsetRules.PageOffsetKept(original, bounce);
    }
}
