using Swiotlb.Trace.Replay.Allocator;
using Swiotlb.Trace.Replay.Records;

namespace Swiotlb.Trace.Replay.Validation;

/// <summary>A capture that starts mid-life (a dump that lost its beginning) unmaps buffers it never saw mapped: those
/// slots were in use from the start. Reserving them in the start state keeps the first predictions from handing
/// them out again.</summary>
internal static class PreexistingMappings
{
    /// <summary>Reserves, in <paramref name="state"/>, the buffers unmapped in <paramref name="ordered"/> before any map
    /// returned them; returns how many.</summary>
    public static int Reserve(ReplayState state, IReadOnlyList<ReplayRecord> ordered)
    {
        var mapped = new HashSet<ulong>();
        var reserved = new HashSet<ulong>();
        foreach (ReplayRecord record in ordered)
        {
            if (record is MapRecord { Observed.Kind: ObservedKind.Mapped } map)
                mapped.Add(map.Observed.BounceAddress);
            else if (record is UnmapRecord unmap && !mapped.Contains(unmap.Request.BounceAddress) && reserved.Add(unmap.Request.BounceAddress))
                TryReserve(state, unmap, ordered[0].Window.Start);
        }
        return reserved.Count;
    }

    /// <summary>The unmap stands in for the lost map: its bounce address carries the offset the map kept
    /// (<c>orig &amp; min_align_mask &amp; 0x7ff</c>), so it serves as <c>orig</c> for placement. The buffer is held from
    /// <paramref name="captureStart"/>: it was in use before the capture began.</summary>
    private static void TryReserve(ReplayState state, UnmapRecord unmap, long captureStart)
    {
        UnmapRequest request = unmap.Request;
        var standIn = new MapRequest(request.BounceAddress, request.MappingSize, Math.Max(request.AllocSize, request.MappingSize), request.Device);
        var record = new MapRecord(unmap.Sequence, TimeWindow.At(captureStart), unmap.DeviceName, standIn, ObservedMap.At(request.BounceAddress));
        if (state.Model.TryLocate(standIn, request.BounceAddress, out Allocation allocation))
            state.Hold(record, allocation, foreign: false);
    }
}
