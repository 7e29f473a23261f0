using Swiotlb.Trace.Replay.Allocator;
using Swiotlb.Trace.Replay.Pairing;

namespace Swiotlb.Trace.Diff.Replaying;

/// <summary>What a replay is asked: the models (empty: the defaults), pool overrides, declared device masks, and what to
/// assume when the capture holds block requests only.</summary>
public sealed record ReplayRequest(IReadOnlyList<string> Models, PoolOverrides Pool, IReadOnlyDictionary<string, DeviceDmaParameters> DeclaredDevices)
{
    public BlockRequestAssumptions BlockRequests { get; init; } = BlockRequestAssumptions.Defaults;

    public static ReplayRequest Defaults { get; } = new([], new PoolOverrides(), new Dictionary<string, DeviceDmaParameters>());
}
