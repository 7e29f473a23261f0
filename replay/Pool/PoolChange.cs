using Swiotlb.Trace.Replay.Allocator;
using Swiotlb.Trace.Replay.Records;

namespace Swiotlb.Trace.Replay.Pool;

public enum PoolChangeKind
{
    /// <summary>Slots were taken for a mapping (the kernel's own answer, or a buffer reserved from before the capture).</summary>
    Mapped,

    /// <summary>Slots were freed: an unmap, or a lost unmap the kernel's reuse of the slots proved.</summary>
    Released,

    /// <summary>The kernel found no slots, or never returned from the search.</summary>
    Unanswered,
}

/// <summary>One change to the kernel's pool as the synchronised replay reconstructed it, in the order it settled on.</summary>
/// <param name="Record">The map record (for <see cref="PoolChangeKind.Released"/>: the mapping released).</param>
/// <param name="Slots">The slots taken or freed (unused for <see cref="PoolChangeKind.Unanswered"/>).</param>
public readonly record struct PoolChange(PoolChangeKind Kind, long TimeNs, MapRecord Record, Allocation Slots);

/// <summary>Receives the reconstructed kernel pool's changes once their order is final (after each group of overlapping records).</summary>
public interface IPoolChangeSink
{
    void Changed(in PoolChange change);
}
