using CsCheck;
using Swiotlb.Trace.Replay.Allocator;

namespace Swiotlb.Trace.Tests.Allocator;

public class AllocatorPropertyTests
{
    /// <summary>One step of a random workload: map (a size, an offset, a device, a CPU) or unmap the n-th live mapping.</summary>
    private sealed record Step(bool IsMap, ulong Size, ulong Page, ulong Offset, bool Nvme, int Cpu, int Victim);

    /// <summary>Buffer offsets in a page: the block layer's 512-byte granularity, or anything.</summary>
    private static readonly Gen<int> OffsetGen = Gen.OneOf(Gen.Int[0, 7].Select(sector => sector * 512), Gen.Int[0, 0xFFF]);

    private static readonly Gen<Step> StepGen =
        Gen.Select(Gen.Int[0, 9], Gen.Int[1, 0x20000], Gen.Int[0x100, 0xFFFF], OffsetGen, Gen.Bool, Gen.Int[0, 3], Gen.Int[0, 1000],
            (kind, size, page, offset, nvme, cpu, victim) =>
                new Step(kind < 6, (ulong)size, (ulong)page << 12, (ulong)offset, nvme, cpu, victim));

    private static readonly Gen<Step[]> WorkloadGen = StepGen.Array[1, 300];

    public static TheoryData<string> Models => [.. ModelRegistry.Names];

    private static MapRequest RequestFor(Step step) =>
        MapRequest.Streaming(step.Page + step.Offset, step.Size,
            step.Nvme ? DeviceDmaParameters.Nvme : DeviceDmaParameters.WithoutMinAlignMask, step.Cpu);

    /// <summary>Runs a workload, checking after every step that live allocations are disjoint and the free counts are
    /// exactly what the used slots imply; then unmaps everything and expects the initial free counts back.</summary>
    [Theory]
    [MemberData(nameof(Models))]
    public void Random_workloads_keep_slots_disjoint_and_free_counts_consistent(string model)
    {
        WorkloadGen.Sample(steps =>
        {
            IAllocatorModel allocator = ModelHarness.Create(model);
            int[] initial = allocator.FreeCounts.ToArray();
            var live = new List<(MapRequest Request, Allocation Allocation)>();
            foreach (Step step in steps)
            {
                if (step.IsMap || live.Count == 0)
                {
                    MapRequest request = RequestFor(step);
                    MapResult result = allocator.Map(request);
                    if (result.IsMapped)
                    {
                        Assert.DoesNotContain(live, l => l.Allocation.Overlaps(result.Allocation));
                        live.Add((request, result.Allocation));
                    }
                }
                else
                {
                    (MapRequest request, Allocation allocation) = live[step.Victim % live.Count];
                    live.RemoveAt(step.Victim % live.Count);
                    Assert.Equal(allocation.StartSlot, allocator.Unmap(ModelHarness.UnmapOf(request, allocation)).StartSlot);
                }
                Assert.Equal(ModelHarness.ExpectedFreeCounts(allocator.Geometry.SlotCount, live.Select(l => l.Allocation)), allocator.FreeCounts.ToArray());
                Assert.Equal(live.Sum(l => l.Allocation.SlotCount), allocator.UsedSlots);
            }
            foreach ((MapRequest request, Allocation allocation) in live)
                allocator.Unmap(ModelHarness.UnmapOf(request, allocation));
            Assert.Equal(initial, allocator.FreeCounts.ToArray());
            Assert.Equal(0, allocator.UsedSlots);
        }, iter: 150);
    }

    [Theory]
    [MemberData(nameof(Models))]
    public void Models_that_honour_min_align_mask_keep_the_masked_bits_of_orig(string model)
    {
        IAllocatorModel probe = ModelHarness.Create(model);
        if (!probe.Generation.PreservesMinAlignMask)
            return;
        WorkloadGen.Sample(steps =>
        {
            IAllocatorModel allocator = ModelHarness.Create(model);
            foreach (Step step in steps)
            {
                MapRequest request = RequestFor(step);
                MapResult result = allocator.Map(request);
                ulong mask = request.Device.MinAlignMask;
                if (result.IsMapped)
                    Assert.Equal(request.OriginalAddress & mask, result.Allocation.BounceAddress & mask);
            }
        }, iter: 100);
    }

    /// <summary>The bug report: linux-5.10 loses an NVMe buffer's offset inside the controller page always when
    /// <c>orig &amp; 0x7ff</c> is non-zero, otherwise exactly when the chosen slot's bit 11 differs from orig's.</summary>
    [Fact]
    public void Linux_5_10_loses_nvme_offsets_exactly_where_the_issue_says()
    {
        int lostWithSubSlotOffset = 0, lostOnSlotParity = 0, kept = 0;
        WorkloadGen.Sample(steps =>
        {
            IAllocatorModel allocator = ModelHarness.Create("linux-5.10");
            foreach (Step step in steps)
            {
                MapRequest request = RequestFor(step with { Nvme = true });
                MapResult result = allocator.Map(request);
                if (!result.IsMapped)
                    continue;
                ulong orig = request.OriginalAddress, bounce = result.Allocation.BounceAddress;
                bool lost = (orig & 0xFFF) != (bounce & 0xFFF);
                bool subSlotOffset = (orig & 0x7FF) != 0;
                bool parityDiffers = ((orig ^ bounce) & 0x800) != 0;
                Assert.Equal(subSlotOffset || parityDiffers, lost);
                if (lost && subSlotOffset) lostWithSubSlotOffset++;
                else if (lost) lostOnSlotParity++;
                else kept++;
            }
        }, iter: 100, threads: 1);
        Assert.True(lostWithSubSlotOffset > 0 && lostOnSlotParity > 0 && kept > 0,
            $"every case should occur: {lostWithSubSlotOffset} sub-slot, {lostOnSlotParity} parity, {kept} kept");
    }

    [Theory]
    [InlineData("linux-5.12")]
    [InlineData("linux-6.1")]
    [InlineData("linux-6.3")]
    [InlineData("linux-6.9")]
    public void Patched_models_never_lose_an_nvme_offset(string model)
    {
        WorkloadGen.Sample(steps =>
        {
            IAllocatorModel allocator = ModelHarness.Create(model);
            foreach (Step step in steps)
            {
                MapRequest request = RequestFor(step with { Nvme = true });
                MapResult result = allocator.Map(request);
                if (result.IsMapped)
                    Assert.Equal(request.OriginalAddress & 0xFFF, result.Allocation.BounceAddress & 0xFFF);
            }
        }, iter: 100);
    }
}
