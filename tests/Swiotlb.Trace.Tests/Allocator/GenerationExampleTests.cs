using Swiotlb.Trace.Replay.Allocator;

namespace Swiotlb.Trace.Tests.Allocator;

/// <summary>Single mappings on an empty pool whose answers follow from the rules of DOMAIN §3, one per difference
/// between generations.</summary>
public class GenerationExampleTests
{
    private static MapResult MapOnEmptyPool(string model, MapRequest request, int cursorAfterFirstSlot = 0)
    {
        IAllocatorModel allocator = ModelHarness.Create(model, slots: 512, areas: 1);
        for (int i = 0; i < cursorAfterFirstSlot; i++)
            allocator.Map(MapRequest.Streaming(0x1000_0000, 0x800, DeviceDmaParameters.WithoutMinAlignMask));
        return allocator.Map(request);
    }

    [Theory]
    [InlineData("linux-5.10", 0x3b90_0000UL)]
    [InlineData("linux-5.12", 0x3b90_0a00UL)]
    [InlineData("linux-6.1", 0x3b90_0a00UL)]
    [InlineData("linux-6.9", 0x3b90_0a00UL)]
    public void A_sub_slot_offset_is_kept_only_after_the_patch(string model, ulong bounce)
    {
        MapRequest request = MapRequest.Streaming(0x9000_0200, 0x400, DeviceDmaParameters.Nvme);
        Assert.Equal(bounce, MapOnEmptyPool(model, request with { OriginalAddress = 0x9000_0a00 }).Allocation.BounceAddress);
    }

    /// <summary>A one-page mask-less mapping with the cursor on slot 1: 5.10–6.2 align the cursor to the 2-slot stride
    /// (slot 2); 6.3–6.8 want slot bit 11 equal to orig's (slot 1 for an odd orig half); 6.9 wants a page-aligned slot.</summary>
    [Theory]
    [InlineData("linux-5.10", 2)]
    [InlineData("linux-5.12", 2)]
    [InlineData("linux-6.1", 2)]
    [InlineData("linux-6.3", 1)]
    [InlineData("linux-6.9", 2)]
    public void Page_sized_maskless_mappings_start_where_each_generation_allows(string model, int startSlot)
    {
        MapRequest request = MapRequest.Streaming(0x9000_0800, 0x1000, DeviceDmaParameters.WithoutMinAlignMask);
        Assert.Equal(startSlot, MapOnEmptyPool(model, request, cursorAfterFirstSlot: 1).Allocation.StartSlot);
    }

    /// <summary>6.9 turns whole slots of an aligned offset into pad slots before the buffer and frees them with it:
    /// offset 0xc00 under a page alignment is one pad slot plus 0x400; ALIGN(0x800 + 0xc00, 0x1000) is four slots.</summary>
    [Fact]
    public void Linux_6_9_pads_large_aligned_offsets_and_frees_the_padding()
    {
        IAllocatorModel allocator = ModelHarness.Create("linux-6.9", slots: 512, areas: 1);
        var device = new DeviceDmaParameters(MinAlignMask: 0xFFF);
        var request = new MapRequest(0x9000_0c00, 0x800, 0x800, device, AllocAlignMask: 0xFFF);

        MapResult result = allocator.Map(request);

        Assert.Equal(new Allocation(0x3b90_0c00, StartSlot: 0, SlotCount: 4, Area: 0, PadSlots: 1), result.Allocation);
        Assert.Equal(1, allocator.Unmap(ModelHarness.UnmapOf(request, result.Allocation)).PadSlots);
        Assert.Equal(0, allocator.UsedSlots);
        Assert.Equal(128, allocator.FreeCounts[0]);
    }

    /// <summary>5.10–5.14 free by the caller's size; 5.15+ by the size recorded at map time.</summary>
    [Theory]
    [InlineData("linux-5.12", 1)]
    [InlineData("linux-6.1", 2)]
    public void Unmap_size_comes_from_the_caller_before_5_15_and_from_the_record_after(string model, int freed)
    {
        IAllocatorModel allocator = ModelHarness.Create(model, slots: 512, areas: 1);
        MapRequest request = MapRequest.Streaming(0x9000_0000, 0x1000, DeviceDmaParameters.Nvme);
        Allocation allocation = allocator.Map(request).Allocation;

        Allocation released = allocator.Unmap(ModelHarness.UnmapOf(request, allocation) with { AllocSize = 0x800 });

        Assert.Equal(freed, released.SlotCount);
        Assert.Equal(2 - freed, allocator.UsedSlots);
    }

    [Fact]
    public void Mappings_never_cross_a_segment()
    {
        IAllocatorModel allocator = ModelHarness.Create("linux-6.9", slots: 512, areas: 1);
        allocator.Map(MapRequest.Streaming(0x1000_0000, 100 * 0x800, DeviceDmaParameters.WithoutMinAlignMask));
        MapResult result = allocator.Map(MapRequest.Streaming(0x1000_0000, 64 * 0x800, DeviceDmaParameters.WithoutMinAlignMask));
        Assert.Equal(128, result.Allocation.StartSlot);
    }

    [Fact]
    public void Areas_are_tried_from_the_mapping_cpu_on()
    {
        IAllocatorModel allocator = ModelHarness.Create("linux-6.1", slots: 1024, areas: 2);
        MapResult onCpu1 = allocator.Map(MapRequest.Streaming(0x1000_0000, 0x800, DeviceDmaParameters.WithoutMinAlignMask, cpu: 3));
        Assert.Equal((1, 512), (onCpu1.Allocation.Area, onCpu1.Allocation.StartSlot));
        MapResult tooBigForArea = allocator.Map(MapRequest.Streaming(0x1000_0000, 600 * 0x800UL, DeviceDmaParameters.WithoutMinAlignMask));
        Assert.Equal(MapOutcome.PoolFull, tooBigForArea.Outcome);
    }
}
