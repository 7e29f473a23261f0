using Swiotlb.Trace.Replay.Pairing;

namespace Swiotlb.Trace.Replay.Simulation;

/// <summary>An NVMe command with its data segments' mappings (those the replay still held when the command ended).</summary>
/// <param name="MissingSegments">Segments whose mapping the replay no longer held or never saw: the command cannot be checked whole.</param>
public sealed record ReplayedCommand(NvmeCommand Command, IReadOnlyList<ReplayedMapping> Segments, int MissingSegments);
