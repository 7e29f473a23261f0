using Swiotlb.Trace.Diff.Prp;

namespace Swiotlb.Trace.Diff.Findings;

/// <summary>A mapping a model got wrong for its device: lost offset, failure, or endless search.</summary>
public sealed record MappingFinding(
    FindingKind Kind, string Device, string Model, int Sequence, long TimeNs, int Cpu, ulong Original, ulong Size,
    ulong? ModelBounce, ulong? ObservedBounce, string Detail);

/// <summary>One segment of a checked command: where its data is, and where a model put it.</summary>
public sealed record CommandSegment(ulong Original, ulong Size, ulong Bounce);

/// <summary>An NVMe command whose PRPs a model breaks, with the predicted effect.</summary>
public sealed record CommandFinding(
    string Device, string Model, string Disk, int QueueId, ushort CommandId, string Operation, ulong? StartLba, uint? Blocks,
    long TimeNs, IReadOnlyList<CommandSegment> Segments, PrpVerdict Verdict, string Effect);
