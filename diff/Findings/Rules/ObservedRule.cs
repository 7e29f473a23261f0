using Swiotlb.Trace.Diff.Nvme;

namespace Swiotlb.Trace.Diff.Findings.Rules;

/// <summary>An NVMe command that the kernel's own bounce addresses, from the capture, break: real failed I/O or silent
/// corruption on the traced system, not a prediction.</summary>
public sealed class ObservedRule : CommandRule
{
    public override string Name => "observed";

    public override string Detects => "NVMe commands the kernel's own bounce addresses broke on the traced system";

    public override bool JudgesObserved => true;

    /// <summary>None: <c>diff</c> compares the kernel's own breakage as the PRP figure of the side whose addresses are observed.</summary>
    public override FindingFigure? Figure => null;

    public override TransitionNames? Transitions => null;

    public override bool Checks(DeviceModelSummary row) => base.Checks(row) && row.CommandsChecked > 0;

    public override string Heading => "NVMe commands the kernel's own bounce addresses broke";

    public override bool Finds(PrpVerdict verdict) => verdict.Breaks;
}
