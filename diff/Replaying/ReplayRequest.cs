using Swiotlb.Trace.Replay.Allocator;

namespace Swiotlb.Trace.Diff.Replaying;

/// <summary>What a replay is asked: the models (empty: the defaults), pool overrides, declared device masks.</summary>
public sealed record ReplayRequest(IReadOnlyList<string> Models, PoolOverrides Pool, IReadOnlyDictionary<string, DeviceDmaParameters> DeclaredDevices)
{
    public static ReplayRequest Defaults { get; } = new([], new PoolOverrides(), new Dictionary<string, DeviceDmaParameters>());
}
