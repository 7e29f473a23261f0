using Swiotlb.Trace.Diff.Findings;

namespace Swiotlb.Trace.Diff.Comparison;

/// <summary>How one mapping or NVMe command fares differently under the candidate model than under the baseline.</summary>
public enum TransitionKind
{
    /// <summary>The baseline kept the buffer's in-page offset, the candidate drops it.</summary>
    OffsetLost,
    /// <summary>The candidate's bounce address breaks the device's min_align_mask; the baseline's did not.</summary>
    MaskBroken,
    /// <summary>The PRPs rebuilt from the candidate's bounce addresses break; the baseline's were valid.</summary>
    PrpBroken,
    /// <summary>The candidate fails a mapping (pool full, no fit) the baseline placed.</summary>
    FailureAppeared,
    /// <summary>The candidate's search never ends where the baseline's did.</summary>
    EndlessSearchAppeared,
    OffsetKept,
    MaskRespected,
    PrpRepaired,
    FailureGone,
    EndlessSearchGone,
    /// <summary>Both placed the mapping, at different addresses, with the same verdicts.</summary>
    BounceMoved,
}

/// <summary>What each transition means for the verdict.</summary>
public static class TransitionKinds
{
    public static ChangeDirection Direction(this TransitionKind kind) => kind switch
    {
        TransitionKind.OffsetLost or TransitionKind.MaskBroken or TransitionKind.PrpBroken
            or TransitionKind.FailureAppeared or TransitionKind.EndlessSearchAppeared => ChangeDirection.Regression,
        TransitionKind.BounceMoved => ChangeDirection.Neutral,
        _ => ChangeDirection.Fix,
    };

    /// <summary>The <c>--fail-on</c> kind a transition belongs to (for fixes: the kind they repair); none for a moved bounce.</summary>
    public static FindingKind? Kind(this TransitionKind kind) => kind switch
    {
        TransitionKind.OffsetLost or TransitionKind.OffsetKept or TransitionKind.MaskBroken or TransitionKind.MaskRespected => FindingKind.Truncation,
        TransitionKind.PrpBroken or TransitionKind.PrpRepaired => FindingKind.Prp,
        TransitionKind.FailureAppeared or TransitionKind.FailureGone => FindingKind.Failure,
        TransitionKind.EndlessSearchAppeared or TransitionKind.EndlessSearchGone => FindingKind.Hang,
        _ => null,
    };

    /// <summary>True for the transitions of whole NVMe commands; the others are of single mappings.</summary>
    public static bool IsCommand(this TransitionKind kind) => kind is TransitionKind.PrpBroken or TransitionKind.PrpRepaired;
}
