using Swiotlb.Trace.Events;

namespace Swiotlb.Trace.Replay.Pairing;

/// <summary>What a block request's RWBS flags say about its data.</summary>
public static class BlockRequestDirection
{
    /// <summary>Writes carry data to the device; everything else is read from it.</summary>
    public static DmaDirection Of(string rwbs) => rwbs.Contains('W') ? DmaDirection.ToDevice : DmaDirection.FromDevice;

    /// <summary>A read or write with bytes to move (not a flush, discard or other data-less operation).</summary>
    public static bool MovesData(string rwbs, uint bytes) => bytes > 0 && (rwbs.Contains('R') || rwbs.Contains('W'));
}
