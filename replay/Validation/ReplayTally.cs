using Swiotlb.Trace.Replay.Allocator;
using Swiotlb.Trace.Replay.Records;

namespace Swiotlb.Trace.Replay.Validation;

/// <summary>Accumulates record outcomes into a <see cref="ValidationReport"/>.</summary>
internal sealed class ReplayTally(string modelName)
{
    private readonly List<Divergence> divergences = [];
    private readonly List<UnreturnedMapping> unreturned = [];
    private readonly Dictionary<string, int[]> devices = [];
    private readonly DivergenceContextRecorder firstDivergence = new();
    private int mappings, adopted, predicted, matched, matchedAfterRecovery, matchedAfterReordering;
    private int recoveredUnmaps, recoveredFromReusedSlots, recoveredInPairing, ignoredUnmaps, reorderedGroups, predictedFailures, observedFailures;

    public int PreexistingMappings { get; set; }

    public int Mismatches => divergences.Count;

    private enum DeviceColumn { Mappings, Adopted, Predicted, Matched }

    public void Add(IReadOnlyList<RecordOutcome> outcomes, bool reordered)
    {
        if (reordered)
            reorderedGroups++;
        foreach (RecordOutcome outcome in outcomes)
        {
            firstDivergence.Add(outcome);
            Add(outcome, reordered);
        }
    }

    public ValidationReport ToReport() => new(
        modelName, mappings, PreexistingMappings, adopted, predicted, matched, matchedAfterRecovery, matchedAfterReordering,
        recoveredUnmaps, ignoredUnmaps, reorderedGroups, predictedFailures, observedFailures,
        divergences, unreturned,
        [.. devices.OrderBy(d => d.Key, StringComparer.Ordinal)
            .Select(d => new DeviceTally(d.Key, d.Value[0], d.Value[1], d.Value[2], d.Value[3]))],
        firstDivergence.ToContext())
    {
        RecoveredFromReusedSlots = recoveredFromReusedSlots,
        RecoveredInPairing = recoveredInPairing,
    };

    private void Add(in RecordOutcome outcome, bool reordered)
    {
        recoveredUnmaps += outcome.RecoveredUnmaps;
        recoveredFromReusedSlots += outcome.RecoveredUnmaps;
        if (outcome.Record is UnmapRecord unmap)
        {
            if (unmap.Evidence == UnmapEvidence.Recovered)
                recoveredInPairing++;
            if (outcome.Verdict == RecordVerdict.Ignored)
                ignoredUnmaps++;
            else if (unmap.Evidence == UnmapEvidence.Recovered)
                recoveredUnmaps++;
            return;
        }
        var map = (MapRecord)outcome.Record;
        mappings++;
        Count(map.DeviceName, DeviceColumn.Mappings);
        if (map.Observed.Kind == ObservedKind.Failed)
            observedFailures++;
        switch (outcome.Verdict)
        {
            case RecordVerdict.Adopted:
                adopted++;
                Count(map.DeviceName, DeviceColumn.Adopted);
                return;
            case RecordVerdict.Unreturned:
                unreturned.Add(new UnreturnedMapping(map, outcome.Predicted, outcome.Hazard));
                return;
        }
        predicted++;
        Count(map.DeviceName, DeviceColumn.Predicted);
        if (!outcome.Predicted.IsMapped)
            predictedFailures++;
        if (outcome.Verdict == RecordVerdict.Mismatched)
        {
            divergences.Add(new Divergence(map, outcome.Predicted, outcome.Area, outcome.AreaCursor));
            return;
        }
        matched++;
        Count(map.DeviceName, DeviceColumn.Matched);
        if (outcome.Verdict == RecordVerdict.MatchedAfterRecovery)
            matchedAfterRecovery++;
        if (reordered)
            matchedAfterReordering++;
    }

    private void Count(string device, DeviceColumn column)
    {
        if (!devices.TryGetValue(device, out int[]? counts))
            devices[device] = counts = new int[4];
        counts[(int)column]++;
    }
}
