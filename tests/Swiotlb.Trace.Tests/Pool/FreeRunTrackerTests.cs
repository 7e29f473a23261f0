using CsCheck;
using Swiotlb.Trace.Replay.Allocator;
using Swiotlb.Trace.Replay.Pool;
using Xunit;

namespace Swiotlb.Trace.Tests.Pool;

public sealed class FreeRunTrackerTests
{
    [Fact]
    public void After_every_map_and_unmap_the_tracked_run_is_the_longest_free_run_of_the_pool()
    {
        Gen.Int[1, 40].Array[1, 200].Sample(sizes =>
        {
            var model = ModelRegistry.Create("linux-6.9", new PoolGeometry(0x4000_0000, 512, 2));
            var tracker = new FreeRunTracker(model);
            var live = new Queue<(MapRequest Request, Allocation Allocation)>();
            for (int i = 0; i < sizes.Length; i++)
            {
                var request = MapRequest.Streaming(0x10_0000 + (ulong)i * 0x200, (ulong)sizes[i] << Slots.Shift, DeviceDmaParameters.Nvme, cpu: i);
                var result = model.Map(request);
                if (result.IsMapped)
                {
                    tracker.Changed(model, result.Allocation);
                    live.Enqueue((request, result.Allocation));
                }
                if (i % 3 == 2 && live.TryDequeue(out var oldest))
                    tracker.Changed(model, model.Unmap(UnmapRequest.Releasing(oldest.Request, oldest.Allocation.BounceAddress)));
                Assert.Equal(Longest(model.FreeCounts), tracker.LargestFreeRun);
            }
        }, iter: 200);
    }

    private static int Longest(ReadOnlySpan<int> freeCounts)
    {
        int longest = 0;
        foreach (int run in freeCounts)
            longest = Math.Max(longest, run);
        return longest;
    }
}
