namespace Swiotlb.Trace.Replay.Pool;

/// <summary>What one area offered a failed request: its free slots and its longest free run inside a segment.</summary>
public readonly record struct AreaRoom(int Area, int FreeSlots, int LargestFreeRun);
