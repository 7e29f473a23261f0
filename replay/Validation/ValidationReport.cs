using Swiotlb.Trace.Capture;
using Swiotlb.Trace.Replay.Allocator;
using Swiotlb.Trace.Replay.Records;

namespace Swiotlb.Trace.Replay.Validation;

/// <summary>Predictions and matches for one device.</summary>
public sealed record DeviceTally(string DeviceName, int Mappings, int Adopted, int Predicted, int Matched);

/// <summary>A prediction that differs from the kernel's answer, with the state it was made in.</summary>
public sealed record Divergence(MapRecord Record, MapResult Predicted, int Area, int AreaCursor);

/// <summary>A mapping the kernel never returned from, and what the model says about it.</summary>
/// <param name="Predicted">The model's answer in the reconstructed state: <see cref="MapOutcome.EndlessSearch"/> is the hang.</param>
/// <param name="Hazard">Whether the search, from where it started, could return to its start at all if nothing fitted.</param>
public sealed record UnreturnedMapping(MapRecord Record, MapResult Predicted, EndlessSearchEvidence? Hazard);

/// <summary>The result of replaying a capture's records through a model.</summary>
/// <param name="Mappings">Map records (including failed and unreturned ones).</param>
/// <param name="PreexistingMappings">Buffers unmapped without having been seen mapped: reserved in the start state.</param>
/// <param name="Adopted">First mappings of an area, taken as the start state.</param>
/// <param name="Predicted">Mappings predicted before the kernel's answer was applied.</param>
/// <param name="ExactMatches">Predictions equal to the kernel's answer (address, or failure), however reached.</param>
/// <param name="MatchedAfterRecovery">Of those, matches reached by freeing mappings whose unmap the capture lost.</param>
/// <param name="MatchedAfterReordering">Of those, matches reached by an event order other than the timestamps'.</param>
/// <param name="RecoveredUnmaps">Mappings freed because the kernel reused their slots, or a recovered-unmap record said so.</param>
/// <param name="IgnoredUnmaps">Unmaps of mappings never seen.</param>
/// <param name="ReorderedGroups">Groups of overlapping events replayed in an order other than the timestamps'.</param>
/// <param name="PredictedFailures">Failures (including endless searches) the model predicted.</param>
/// <param name="ObservedFailures">Failures the kernel returned.</param>
/// <param name="FirstDivergence">The first divergence among the records replayed around it; null when none.</param>
public sealed record ValidationReport(
    string Model,
    int Mappings,
    int PreexistingMappings,
    int Adopted,
    int Predicted,
    int ExactMatches,
    int MatchedAfterRecovery,
    int MatchedAfterReordering,
    int RecoveredUnmaps,
    int IgnoredUnmaps,
    int ReorderedGroups,
    int PredictedFailures,
    int ObservedFailures,
    IReadOnlyList<Divergence> Divergences,
    IReadOnlyList<UnreturnedMapping> Unreturned,
    IReadOnlyList<DeviceTally> Devices,
    DivergenceContext? FirstDivergence = null)
{
    public int Mismatches => Divergences.Count;

    /// <summary>Of <see cref="RecoveredUnmaps"/>, those found in the replay because the kernel reused a live mapping's
    /// slots; the others are the pairer's recovered unmaps.</summary>
    public int RecoveredFromReusedSlots { get; init; }

    /// <summary>The pairer's recovered-unmap records replayed (its <c>unmaps recovered</c>), whether or not their
    /// mapping was still live.</summary>
    public int RecoveredInPairing { get; init; }

    /// <summary>Of <see cref="RecoveredInPairing"/>, those whose mapping was not live (freed already by a reused slot, or
    /// never seen): counted among <see cref="IgnoredUnmaps"/>.</summary>
    public int RecoveredInPairingNotLive => RecoveredInPairing - (RecoveredUnmaps - RecoveredFromReusedSlots);

    public bool AllMatch => Mismatches == 0 && ExactMatches == Predicted;

    /// <summary>The validator's statistics, declared: how the replay met the capture, beside the verdict's figures.</summary>
    public static IReadOnlyList<DeclaredStatistic<ValidationReport>> Declared { get; } =
    [
        new("preexistingMappings", StatSeverity.Info, StatSource.Validator, "Mappings live before the capture began: their slots are taken as the kernel left them.", r => r.PreexistingMappings),
        new("adoptedMappings", StatSeverity.Info, StatSource.Validator, "Mappings taken as the kernel placed them, not predicted (the first of each area, or after a divergence).", r => r.Adopted),
        new("recoveredFromReusedSlots", StatSeverity.DataLoss, StatSource.Validator, "Unmaps the capture lost, found because the kernel reused a live mapping's slots.", r => r.RecoveredFromReusedSlots),
        new("ignoredUnmaps", StatSeverity.Info, StatSource.Validator, "Unmaps of mappings not live in the replay (freed already, or never seen).", r => r.IgnoredUnmaps),
        new("reorderedGroups", StatSeverity.Info, StatSource.Validator, "Groups of overlapping records replayed in another order than their timestamps'.", r => r.ReorderedGroups),
        new("mismatches", StatSeverity.Error, StatSource.Validator, "Predictions that differ from the kernel's answer.", r => r.Mismatches),
    ];

    /// <summary>The declared statistics' values for this validation.</summary>
    public IEnumerable<StatisticValue> Values() => Declared.Select(d => d.Of(this));
}
