using Swiotlb.Trace.Diff.Findings.Rules;
using Swiotlb.Trace.Diff.Nvme;

namespace Swiotlb.Trace.Diff.Findings;

/// <summary>A mapping a model got wrong for its device: lost offset, failure, or endless search.</summary>
public sealed record MappingFinding(
    MappingRule Rule, string Device, ModelKey Model, int Sequence, long TimeNs, int Cpu, ulong Original, ulong Size,
    ulong? ModelBounce, ulong? ObservedBounce, string Detail, IReadOnlyList<FindingField> Evidence);

/// <summary>An NVMe command whose data pointer a model (or the kernel's own addresses) breaks, with the effect.</summary>
public sealed record CommandFinding(
    CommandRule Rule, string Device, ModelKey Model, string Disk, int QueueId, ushort CommandId, string Operation, ulong? StartLba, uint? Blocks,
    long TimeNs, IReadOnlyList<DataSegment> Segments, PrpVerdict Verdict, string Effect);
