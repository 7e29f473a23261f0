using Swiotlb.Trace.Diff.Nvme;

namespace Swiotlb.Trace.Diff.Findings.Rules;

/// <summary>A finding about one NVMe command whose data pointer was rebuilt from one side's bounce addresses.</summary>
public abstract class CommandRule : FindingRule
{
    public sealed override FindingSubject Subject => FindingSubject.Command;

    /// <summary>True when the driver's and controller's verdict on the command is a finding of this kind.</summary>
    public abstract bool Finds(PrpVerdict verdict);

    /// <summary>The names of the command's transition between two models; none for a rule about the kernel's own addresses.</summary>
    public abstract TransitionNames? Transitions { get; }
}
