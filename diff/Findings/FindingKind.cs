namespace Swiotlb.Trace.Diff.Findings;

/// <summary>What <c>--fail-on</c> can select: the kinds of trouble a replay can find.</summary>
public enum FindingKind
{
    /// <summary>A mapping's bounce address breaks its device's min_align_mask (<c>(orig &amp; m) != (tlb &amp; m)</c>).</summary>
    Truncation,
    /// <summary>An NVMe command whose PRPs, rebuilt from the bounced segments, break a rule or describe other bytes.</summary>
    Prp,
    /// <summary>A mapping the model fails (pool full, no fit).</summary>
    Failure,
    /// <summary>A mapping whose search the model says never ends: the kernel would hang.</summary>
    Hang,
    /// <summary>An NVMe command that the kernel's own bounce addresses, from the capture, break: real failed I/O or silent
    /// corruption on the traced system, not a prediction.</summary>
    Observed,
}
