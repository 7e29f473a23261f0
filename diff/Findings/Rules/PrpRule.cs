using Swiotlb.Trace.Diff.Nvme;

namespace Swiotlb.Trace.Diff.Findings.Rules;

/// <summary>An NVMe command whose data pointer, rebuilt from a model's bounce addresses, the driver refuses, the
/// controller rejects, or that moves other bytes than the buffer's.</summary>
public sealed class PrpRule : CommandRule
{
    public override string Name => "prp";

    public override string Detects => "NVMe commands whose PRPs break";

    public override FindingFigure Figure { get; } =
        new("commandsBroken", "NVMe commands with broken PRPs, of checked", FigureRow.Addresses, r => r.CommandsBroken, r => r.CommandsChecked);

    public override TransitionNames Transitions { get; } = new("prpBroken", "prpRepaired", "PRPs valid → broken", "PRPs broken → valid");

    public override string Heading => Detects;

    public override bool Finds(PrpVerdict verdict) => verdict.Breaks;
}
