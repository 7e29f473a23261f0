using Swiotlb.Trace.Replay.Allocator;
using Swiotlb.Trace.Replay.Pairing;

namespace Swiotlb.Trace.Diff.Replaying;

/// <summary>What a replay is asked: the models (empty: the defaults), pool overrides, declared device masks, and what to
/// assume when the capture holds block requests only.</summary>
public sealed record ReplayRequest(IReadOnlyList<string> Models, PoolOverrides Pool, IReadOnlyDictionary<string, DeviceDmaParameters> DeclaredDevices)
{
    public BlockRequestAssumptions BlockRequests { get; init; } = BlockRequestAssumptions.Defaults;

    /// <summary>Controllers whose SGL support the user stated (<c>--nvme-sgl DEVICE=yes|no</c>).</summary>
    public IReadOnlyDictionary<string, bool> DeclaredSgl { get; init; } = new Dictionary<string, bool>();

    /// <summary>The nvme module's <c>sgl_threshold</c> (<c>--nvme-sgl-threshold</c>; 0 turns SGLs off for multi-segment requests).</summary>
    public uint SglThreshold { get; init; } = Nvme.NvmeController.DefaultSglThreshold;

    /// <summary>Which mappings are replayed (<c>--only-device</c>, <c>--only-cpu</c>, <c>--from</c>, <c>--to</c>).</summary>
    public RecordFilter Filter { get; init; } = RecordFilter.All;

    /// <summary>No model at all: only the kernel's own addresses are judged (what <c>inspect</c> reports).</summary>
    public bool ObservedOnly { get; init; }

    public static ReplayRequest Defaults { get; } = new([], new PoolOverrides(), new Dictionary<string, DeviceDmaParameters>());
}
