using Swiotlb.Trace.Replay.Allocator;
using Swiotlb.Trace.Replay.Records;

namespace Swiotlb.Trace.Replay.Validation;

/// <summary>Replays one record against a state: adopt or predict a map, then apply the kernel's own answer;
/// apply an unmap of a known mapping.</summary>
internal static class RecordReplayer
{
    public static RecordOutcome Replay(ReplayState state, ReplayRecord record) => record switch
    {
        MapRecord map => ReplayMap(state, map),
        UnmapRecord unmap => ReplayUnmap(state, unmap),
        _ => throw new ArgumentException($"unknown record type {record.GetType().Name}", nameof(record)),
    };

    private static RecordOutcome ReplayMap(ReplayState state, MapRecord record)
    {
        IAllocatorModel model = state.Model;
        MapRequest request = record.Request;
        int firstArea = request.Cpu & (model.Geometry.AreaCount - 1);
        if (record.Observed.Kind != ObservedKind.Mapped)
        {
            MapResult predicted = model.Predict(request);
            int area = predicted.Outcome == MapOutcome.EndlessSearch ? predicted.Endless.Area : firstArea;
            RecordVerdict verdict = record.Observed.Kind == ObservedKind.NeverReturned ? RecordVerdict.Unreturned
                : !state.IsSynchronised(firstArea) ? RecordVerdict.Adopted
                : predicted.Outcome is MapOutcome.PoolFull or MapOutcome.NoFit ? RecordVerdict.Matched
                : RecordVerdict.Mismatched;
            EndlessSearchEvidence? hazard = verdict == RecordVerdict.Unreturned ? model.EndlessSearchHazard(request) : null;
            if (record.Observed.Kind is ObservedKind.Failed or ObservedKind.NeverReturned)
                state.NoteUnanswered(record);
            return new RecordOutcome(record, verdict, predicted, area, model.AreaCursor(area), 0, hazard);
        }

        bool foreign = !model.TryLocate(request, record.Observed.BounceAddress, out Allocation observed);
        if (foreign && !TryLocateForeign(model.Geometry, request, record.Observed.BounceAddress, out observed))
            return new RecordOutcome(record, RecordVerdict.Mismatched, model.Predict(request), firstArea, model.AreaCursor(firstArea), 0);
        int cursor = model.AreaCursor(observed.Area);
        if (!state.IsSynchronised(firstArea) || !state.IsSynchronised(observed.Area))
        {
            int freed = ReleaseReusedSlots(state, record, observed);
            state.Hold(record, observed, foreign);
            state.MarkSynchronised(observed.Area);
            return new RecordOutcome(record, RecordVerdict.Adopted, default, observed.Area, cursor, freed);
        }

        MapResult prediction = model.Predict(request);
        RecordVerdict mapVerdict = IsSameAnswer(prediction, observed) ? RecordVerdict.Matched : RecordVerdict.Mismatched;
        int recovered = model.IsFree(observed) ? 0 : ReleaseReusedSlots(state, record, observed);
        if (recovered > 0 && mapVerdict == RecordVerdict.Mismatched && IsSameAnswer(model.Predict(request), observed))
            mapVerdict = RecordVerdict.MatchedAfterRecovery;
        state.Hold(record, observed, foreign);
        return new RecordOutcome(record, mapVerdict, prediction, observed.Area, cursor, recovered);
    }

    private static RecordOutcome ReplayUnmap(ReplayState state, UnmapRecord record)
    {
        if (!state.TryGetLive(record.Request.BounceAddress, out LiveMapping live))
            return new RecordOutcome(record, RecordVerdict.Ignored, default, 0, 0, 0);
        state.Free(live, record.Request, record.Window.Start);
        return new RecordOutcome(record, RecordVerdict.Released, default, live.Allocation.Area, state.Model.AreaCursor(live.Allocation.Area), 0);
    }

    private static bool IsSameAnswer(in MapResult predicted, in Allocation observed) =>
        predicted.IsMapped && predicted.Allocation.BounceAddress == observed.BounceAddress;

    /// <summary>The kernel handed out slots the state holds as used: their unmaps were lost. Free them.</summary>
    private static int ReleaseReusedSlots(ReplayState state, MapRecord reusing, in Allocation observed)
    {
        List<LiveMapping> reused = state.LiveOverlapping(observed);
        foreach (LiveMapping live in reused)
            state.Free(live, UnmapOf(live), reusing.Window.Start);
        return reused.Count;
    }

    private static UnmapRequest UnmapOf(in LiveMapping live)
    {
        MapRequest request = live.Record.Request;
        return new UnmapRequest(live.Allocation.BounceAddress, request.MappingSize, request.AllocSize, request.Device, request.Direction, request.Attributes);
    }

    /// <summary>Where an answer the model's own placement cannot explain lies, read the way 5.12–6.8 place buffers:
    /// the slot holding the address, for alloc size plus the offset inside that slot.</summary>
    private static bool TryLocateForeign(PoolGeometry geometry, in MapRequest request, ulong bounceAddress, out Allocation allocation)
    {
        allocation = default;
        if (!geometry.Contains(bounceAddress))
            return false;
        ulong offset = bounceAddress & Slots.OffsetMask;
        int start = (int)((bounceAddress - offset - geometry.StartAddress) >> Slots.Shift);
        int count = Slots.For(Math.Max(request.AllocSize, request.MappingSize) + offset);
        if (start + count > geometry.SlotCount)
            return false;
        allocation = new Allocation(bounceAddress, start, count, start / geometry.AreaSlotCount, 0);
        return true;
    }
}
