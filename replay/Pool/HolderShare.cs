namespace Swiotlb.Trace.Replay.Pool;

/// <summary>What one device held of the pool in one size class: live mappings and their slots.</summary>
public readonly record struct HolderShare(string DeviceName, SizeClass SizeClass, int Mappings, int Slots);
