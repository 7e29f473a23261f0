using Swiotlb.Trace.Replay.Records;

namespace Swiotlb.Trace.Replay.Simulation;

/// <summary>One mapping of the capture and each model's answer to it, in the order of <see cref="ReplayEngine.Models"/>.</summary>
public sealed record ReplayedMapping(MapRecord Record, IReadOnlyList<ModelOutcome> Outcomes)
{
    /// <summary>The address the kernel really returned, when the capture shows it.</summary>
    public ulong? ObservedBounce => Record.Observed.Kind == ObservedKind.Mapped ? Record.Observed.BounceAddress : null;

    public ulong OriginalAddress => Record.Request.OriginalAddress;
    public ulong Size => Record.Request.MappingSize;
}
