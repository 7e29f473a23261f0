using Swiotlb.Trace.Diff.Replaying;

namespace Swiotlb.Trace.Diff.Pool;

/// <summary>What <c>pool</c> is asked: the replay's models, pool and devices, and whether to sweep pool sizes.</summary>
public sealed record PoolRequest(ReplayRequest Replay, bool Sweep = true);
