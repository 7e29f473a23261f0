using Swiotlb.Trace.Replay.Allocator;
using Swiotlb.Trace.Replay.Records;

namespace Swiotlb.Trace.Replay.Validation;

public enum RecordVerdict
{
    /// <summary>The first mapping in its area: taken as the start state, not predicted.</summary>
    Adopted,

    /// <summary>Predicted exactly.</summary>
    Matched,

    /// <summary>Predicted exactly once the unmaps the kernel's answer proves lost were applied.</summary>
    MatchedAfterRecovery,

    Mismatched,

    /// <summary>The kernel never returned; the prediction says what it was doing.</summary>
    Unreturned,

    /// <summary>An unmap applied to a mapping seen earlier.</summary>
    Released,

    /// <summary>An unmap of a mapping never seen (made before the capture, or already released).</summary>
    Ignored,
}

/// <summary>The synchroniser's finding for one record.</summary>
/// <param name="Predicted">The model's answer before the kernel's was applied (default for unmaps and adoptions).</param>
/// <param name="Area">The area the kernel's answer (or the prediction) lies in.</param>
/// <param name="AreaCursor">That area's cursor before the record.</param>
/// <param name="RecoveredUnmaps">Live mappings freed because the kernel reused their slots.</param>
/// <param name="Hazard">For an unreturned mapping: evidence that its search could not return to its start.</param>
public readonly record struct RecordOutcome(
    ReplayRecord Record,
    RecordVerdict Verdict,
    MapResult Predicted,
    int Area,
    int AreaCursor,
    int RecoveredUnmaps,
    EndlessSearchEvidence? Hazard = null);
