using Swiotlb.Trace.Replay.Allocator;
using Swiotlb.Trace.Replay.Pool;
using Xunit;

namespace Swiotlb.Trace.Tests.Pool;

/// <summary>Each cause on a pool state built slot by slot, judged as the 6.9+ search sees it.</summary>
public sealed class FailureExplainerTests
{
    private const ulong Start = 0x4000_0000;

    [Fact]
    public void Fewer_free_slots_than_needed_is_exhaustion()
    {
        var model = Pool(slots: 256, areas: 1);
        Occupy(model, 0, 128);
        Occupy(model, 128, 127);

        Assert.Equal(FailureCause.PoolExhausted, Explain(model, slots: 2).Cause);
    }

    [Fact]
    public void Free_slots_in_runs_too_short_is_fragmentation()
    {
        var model = Pool(slots: 256, areas: 1);
        for (int slot = 0; slot < 256; slot += 4)
            Occupy(model, slot, 2);

        var failure = Explain(model, slots: 4);

        Assert.Equal(FailureCause.Fragmented, failure.Cause);
        Assert.Equal(128, failure.FreeSlots);
        Assert.Equal(2, failure.LargestFreeRun);
    }

    [Fact]
    public void Enough_free_slots_in_the_pool_but_not_in_any_one_area_is_a_split()
    {
        var model = Pool(slots: 256, areas: 2);
        Occupy(model, 0, 100);
        Occupy(model, 128, 100);

        var failure = Explain(model, slots: 40);

        Assert.Equal(FailureCause.AreasSplit, failure.Cause);
        Assert.Equal([new AreaRoom(0, 28, 28), new AreaRoom(1, 28, 28)], failure.Areas);
    }

    [Fact]
    public void A_run_long_enough_with_no_start_of_the_required_address_bits_is_an_address_bits_failure()
    {
        var model = Pool(slots: 128, areas: 1);
        Occupy(model, 0, 1);
        Occupy(model, 3, 125);

        // Free: slots 1 and 2. An NVMe buffer at page offset 0 needs a start slot with bit 11 clear (an even slot).
        var failure = Explain(model, slots: 2, minAlignMask: 0xfff);

        Assert.Equal(FailureCause.AddressBits, failure.Cause);
        Assert.Equal(2, failure.LargestFreeRun);
    }

    [Fact]
    public void A_request_the_model_can_place_is_unexplained()
    {
        var model = Pool(slots: 128, areas: 1);
        var request = MapRequest.Streaming(0x1000, 4096, new DeviceDmaParameters(0));

        Assert.Equal(FailureCause.Unexplained, FailureExplainer.Explain(model, request, model.Predict(request), 0, "dev").Cause);
    }

    private static IAllocatorModel Pool(int slots, int areas) => ModelRegistry.Create("linux-6.9", new PoolGeometry(Start, slots, areas));

    private static void Occupy(IAllocatorModel model, int startSlot, int count)
    {
        var request = MapRequest.Streaming(0x10_0000, (ulong)count << Slots.Shift, new DeviceDmaParameters(0));
        model.Apply(request, new Allocation(Start + ((ulong)startSlot << Slots.Shift), startSlot, count, startSlot / model.Geometry.AreaSlotCount, 0));
    }

    private static FailureExplanation Explain(IAllocatorModel model, int slots, ulong minAlignMask = 0)
    {
        var request = MapRequest.Streaming(0x20_0000, (ulong)slots << Slots.Shift, new DeviceDmaParameters(minAlignMask));
        var result = model.Predict(request);
        Assert.False(result.IsMapped);
        return FailureExplainer.Explain(model, request, result, 0, "dev");
    }
}
