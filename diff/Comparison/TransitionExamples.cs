using Swiotlb.Trace.Diff.Findings;
using Swiotlb.Trace.Diff.Nvme;

namespace Swiotlb.Trace.Diff.Comparison;

/// <summary>One mapping that fares differently: where each model put it (none: failed or endless) and where the kernel did.</summary>
public sealed record MappingTransition(
    Transition Kind, string Device, int Sequence, long TimeNs, int Cpu, ulong Original, ulong Size,
    ulong? BaselineBounce, ulong? CandidateBounce, ulong? ObservedBounce);

/// <summary>One segment of a command that fares differently, under both models.</summary>
public sealed record SegmentPlacement(ulong Original, ulong Size, ulong BaselineBounce, ulong CandidateBounce);

/// <summary>One NVMe command whose PRPs break under one model and not the other; <see cref="Effect"/> is that of the broken side.</summary>
public sealed record CommandTransition(
    Transition Kind, string Device, string Disk, int QueueId, ushort CommandId, string Operation, long TimeNs,
    IReadOnlyList<SegmentPlacement> Segments, PrpVerdict Baseline, PrpVerdict Candidate, string Effect);
