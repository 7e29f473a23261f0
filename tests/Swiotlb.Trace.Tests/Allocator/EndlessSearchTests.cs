using Swiotlb.Trace.Replay.Allocator;

namespace Swiotlb.Trace.Tests.Allocator;

/// <summary>The hang of 5.12–6.2: an NVMe mapping needing an odd start slot, a search starting on an even slot, and no
/// two adjacent free slots anywhere, in one 512-slot area.</summary>
public class EndlessSearchTests
{
    private static readonly PoolGeometry OneArea = new(ModelHarness.PoolStart, 512, 1);

    /// <summary>Orig bit 11 set: the start slot must be odd. 0x1000 bytes at offset 0x800 need 2 slots; stride 4.</summary>
    private static readonly MapRequest OddNvmeMapping = MapRequest.Streaming(0x9e3d800, 0x1000, DeviceDmaParameters.Nvme);

    /// <summary>Fills the area with one-slot mask-less mappings, frees every odd slot, then maps one slot again:
    /// it lands on slot 1 and leaves the cursor at 2, so the next search starts (aligned to 4) at slot 4.</summary>
    private static IAllocatorModel ModelWithOnlyLoneOddSlotsFree(string model, bool keepOneOddPairFree = false)
    {
        IAllocatorModel allocator = ModelRegistry.Create(model, OneArea);
        var oneSlot = new List<(MapRequest, Allocation)>();
        for (int slot = 0; slot < OneArea.SlotCount; slot++)
        {
            MapRequest request = MapRequest.Streaming(0x1000_0000 + (ulong)slot * 0x1000, 0x800, DeviceDmaParameters.WithoutMinAlignMask);
            oneSlot.Add((request, allocator.Map(request).Allocation));
        }
        foreach ((MapRequest request, Allocation allocation) in oneSlot)
        {
            bool oddPair = keepOneOddPairFree && allocation.StartSlot is 301 or 302;
            if (allocation.StartSlot % 2 == 1 || oddPair)
                allocator.Unmap(ModelHarness.UnmapOf(request, allocation));
        }
        MapResult refill = allocator.Map(MapRequest.Streaming(0x2000_0000, 0x800, DeviceDmaParameters.WithoutMinAlignMask));
        Assert.Equal(1, refill.Allocation.StartSlot);
        Assert.Equal(2, allocator.AreaCursor(0));
        return allocator;
    }

    [Fact]
    public void Linux_6_1_reports_the_endless_search_with_its_evidence()
    {
        IAllocatorModel allocator = ModelWithOnlyLoneOddSlotsFree("linux-6.1");

        MapResult result = allocator.Map(OddNvmeMapping);

        Assert.Equal(MapOutcome.EndlessSearch, result.Outcome);
        Assert.Equal(new EndlessSearchEvidence(
            Area: 0, Cursor: 2, Wrap: 4, Stride: 4, MatchMask: 0x800, RequiredBits: 0x800, WrapBits: 0,
            SlotsNeeded: 2, FreeSlots: 255), result.Endless);
        Assert.Equal(257, allocator.UsedSlots);
    }

    [Fact]
    public void Linux_5_12_spins_the_same_way()
    {
        Assert.Equal(MapOutcome.EndlessSearch, ModelWithOnlyLoneOddSlotsFree("linux-5.12").Map(OddNvmeMapping).Outcome);
    }

    [Theory]
    [InlineData("linux-6.3")]
    [InlineData("linux-6.9")]
    [InlineData("linux-5.10")]
    public void Bounded_and_pre_patch_searches_fail_the_same_request_cleanly(string model)
    {
        Assert.Equal(MapOutcome.NoFit, ModelWithOnlyLoneOddSlotsFree(model).Map(OddNvmeMapping).Outcome);
    }

    [Fact]
    public void The_hazard_is_reported_even_when_a_slot_fits()
    {
        IAllocatorModel allocator = ModelWithOnlyLoneOddSlotsFree("linux-6.1", keepOneOddPairFree: true);

        EndlessSearchEvidence? hazard = allocator.EndlessSearchHazard(OddNvmeMapping);
        MapResult result = allocator.Map(OddNvmeMapping);

        Assert.NotNull(hazard);
        Assert.Equal(4, hazard.Value.Wrap);
        Assert.True(result.IsMapped);
        Assert.Equal(301, result.Allocation.StartSlot);
    }

    [Fact]
    public void No_hazard_when_the_start_slot_has_the_required_parity()
    {
        IAllocatorModel allocator = ModelWithOnlyLoneOddSlotsFree("linux-6.1");
        MapRequest evenNvmeMapping = OddNvmeMapping with { OriginalAddress = 0x9e3d000 };

        Assert.Null(allocator.EndlessSearchHazard(evenNvmeMapping));
        Assert.Equal(MapOutcome.NoFit, allocator.Map(evenNvmeMapping).Outcome);
    }

    [Fact]
    public void Bounded_generations_never_report_a_hazard()
    {
        Assert.Null(ModelWithOnlyLoneOddSlotsFree("linux-6.9").EndlessSearchHazard(OddNvmeMapping));
    }
}
