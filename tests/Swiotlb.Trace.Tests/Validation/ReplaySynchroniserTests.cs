using Swiotlb.Trace.Replay.Allocator;
using Swiotlb.Trace.Replay.Records;
using Swiotlb.Trace.Replay.Validation;

namespace Swiotlb.Trace.Tests.Validation;

public class ReplaySynchroniserTests
{
    private const ulong PoolStart = 0x37b0_0000;

    private static IAllocatorModel Model(string name, int slots = 1024, int areas = 2) =>
        ModelRegistry.Create(name, new PoolGeometry(PoolStart, slots, areas));

    private static ValidationReport Replay(string name, IEnumerable<ReplayRecord> records, int slots = 1024, int areas = 2) =>
        new ReplaySynchroniser(Model(name, slots, areas)).Run(records);

    [Fact]
    public void The_first_mapping_of_each_area_is_adopted_and_the_rest_predicted()
    {
        var kernel = new KernelRun(Model("linux-6.1"));
        for (int i = 0; i < 10; i++)
            kernel.Unmap(KernelRun.Nvme(0x9000_0000, 0x3000), kernel.MapBeforeCapture(KernelRun.Nvme(0x9000_0000, 0x3000)));
        kernel.Records.Clear();
        for (int i = 0; i < 40; i++)
            kernel.Map(KernelRun.Nvme(0x9000_0000 + (ulong)i * 0x1200, 0x800 + (ulong)i * 0x300, cpu: i % 3));

        ValidationReport report = Replay("linux-6.1", kernel.Records);

        Assert.Equal((40, 2, 38, 38), (report.Mappings, report.Adopted, report.Predicted, report.ExactMatches));
        Assert.Empty(report.Divergences);
        Assert.True(report.AllMatch);
    }

    [Fact]
    public void One_wrong_prediction_does_not_cascade()
    {
        var kernel = new KernelRun(Model("linux-6.1"));
        for (int i = 0; i < 10; i++)
            kernel.Map(KernelRun.Nvme(0x9000_0000 + (ulong)i * 0x1000, 0x1000));
        // Ten page-sized NVMe mappings at stride 4 leave the cursor at 38; the model would pick slot 40.
        Allocation surprise = kernel.MapElsewhere(KernelRun.Nvme(0x9100_0000, 0x1000), slot: 300);
        for (int i = 0; i < 10; i++)
            kernel.Map(KernelRun.Nvme(0x9200_0000 + (ulong)i * 0x1000, 0x1000));

        ValidationReport report = Replay("linux-6.1", kernel.Records);

        Divergence divergence = Assert.Single(report.Divergences);
        Assert.Equal(surprise.BounceAddress, divergence.Record.Observed.BounceAddress);
        Assert.Equal(PoolStart + 40 * 0x800, divergence.Predicted.Allocation.BounceAddress);
        Assert.Equal(19, report.ExactMatches);
        Assert.False(report.AllMatch);
    }

    [Fact]
    public void A_lost_unmap_is_recovered_when_the_kernel_reuses_its_slots()
    {
        var kernel = new KernelRun(Model("linux-6.1", slots: 128, areas: 1));
        MapRequest first = KernelRun.Nvme(0x9000_0000, 64 * 0x800);
        Allocation lost = kernel.Map(first);
        kernel.Unmap(first, lost, lost: true);
        kernel.Map(KernelRun.Nvme(0x9100_0000, 64 * 0x800));
        Allocation reuse = kernel.Map(KernelRun.Nvme(0x9200_0000, 64 * 0x800));
        Assert.Equal(lost.StartSlot, reuse.StartSlot);

        ValidationReport report = Replay("linux-6.1", kernel.Records, slots: 128, areas: 1);

        Assert.Empty(report.Divergences);
        Assert.Equal((2, 1, 1), (report.ExactMatches, report.MatchedAfterRecovery, report.RecoveredUnmaps));
    }

    [Fact]
    public void Overlapping_map_windows_are_replayed_in_the_order_that_explains_the_answers()
    {
        var (report, _) = RaceOfTwoCpus(slowWindow: new TimeWindow(1000, 1300), fastWindow: new TimeWindow(1100, 1200));

        Assert.Empty(report.Divergences);
        Assert.Equal((1, 2), (report.ReorderedGroups, report.MatchedAfterReordering));
    }

    [Fact]
    public void Windows_that_do_not_overlap_are_never_reordered()
    {
        var (report, fast) = RaceOfTwoCpus(slowWindow: new TimeWindow(1000, 1050), fastWindow: new TimeWindow(1100, 1200));

        Assert.Equal(0, report.ReorderedGroups);
        Assert.Equal(fast, Assert.Single(report.Divergences).Record.Request);
    }

    [Fact]
    public void Unmaps_of_mappings_made_before_the_capture_reserve_their_slots()
    {
        var kernel = new KernelRun(Model("linux-6.1", slots: 128, areas: 1));
        MapRequest preexisting = KernelRun.Nvme(0x9000_0000, 4 * 0x800);
        Allocation held = kernel.MapBeforeCapture(preexisting);
        MapRequest gone = KernelRun.Nvme(0x9010_0000, 4 * 0x800);
        kernel.Unmap(gone, kernel.MapBeforeCapture(gone), lost: true);
        kernel.Map(KernelRun.Nvme(0x9100_0000, 120 * 0x800 - 0x800));
        Allocation skipped = kernel.Map(KernelRun.Nvme(0x9200_0000, 4 * 0x800));
        Assert.Equal(4, skipped.StartSlot);
        kernel.Unmap(preexisting, held);

        ValidationReport report = Replay("linux-6.1", kernel.Records, slots: 128, areas: 1);

        Assert.Equal(1, report.PreexistingMappings);
        Assert.Empty(report.Divergences);
        Assert.Equal(0, report.IgnoredUnmaps);
    }

    [Fact]
    public void A_mapping_that_never_returned_is_explained_as_an_endless_search()
    {
        var kernel = new KernelRun(Model("linux-6.1", slots: 512, areas: 1));
        var oneSlot = new List<(MapRequest Request, Allocation Allocation)>();
        for (int slot = 0; slot < 512; slot++)
        {
            MapRequest request = MapRequest.Streaming(0x1000_0000 + (ulong)slot * 0x1000, 0x800, DeviceDmaParameters.WithoutMinAlignMask);
            oneSlot.Add((request, kernel.Map(request)));
        }
        foreach ((MapRequest request, Allocation allocation) in oneSlot.Where(m => m.Allocation.StartSlot % 2 == 1))
            kernel.Unmap(request, allocation);
        kernel.Map(MapRequest.Streaming(0x2000_0000, 0x800, DeviceDmaParameters.WithoutMinAlignMask));
        kernel.MapWithoutReturn(KernelRun.Nvme(0x9e3d800, 0x1000));

        ValidationReport report = Replay("linux-6.1", kernel.Records, slots: 512, areas: 1);

        UnreturnedMapping hang = Assert.Single(report.Unreturned);
        Assert.Equal(MapOutcome.EndlessSearch, hang.Predicted.Outcome);
        Assert.Equal(4, hang.Predicted.Endless.Wrap);
        Assert.NotNull(hang.Hazard);
        Assert.Equal(report.Predicted, report.ExactMatches);
    }

    [Fact]
    public void Allowed_orders_respect_windows_that_end_before_others_begin()
    {
        var early = new UnmapRecord(0, new TimeWindow(0, 10), "d", default, UnmapEvidence.Probe);
        var middle = new UnmapRecord(1, new TimeWindow(5, 30), "d", default, UnmapEvidence.Probe);
        var late = new UnmapRecord(2, new TimeWindow(20, 40), "d", default, UnmapEvidence.Probe);

        List<int[]> orders = [.. EventOrders.Allowed([early, middle, late]).Select(o => o.Select(r => r.Sequence).ToArray())];

        Assert.Equal([[0, 1, 2], [0, 2, 1], [1, 0, 2]], orders);
    }

    /// <summary>
    /// CPU 1's small map took the lock before CPU 0's larger one, whose call began first: the kernel's answers in that order,
    /// recorded with the given windows (in the capture CPU 0's map comes first).
    /// </summary>
    private static (ValidationReport Report, MapRequest Fast) RaceOfTwoCpus(TimeWindow slowWindow, TimeWindow fastWindow)
    {
        var kernel = new KernelRun(Model("linux-5.12"));
        kernel.Map(KernelRun.Nvme(0x9000_0000, 0x800));
        MapRequest slow = KernelRun.Nvme(0x9100_0000, 4 * 0x800, cpu: 0);
        MapRequest fast = KernelRun.Nvme(0x9200_0000, 0x800, cpu: 1);
        Allocation fastAnswer = kernel.Kernel.Map(fast).Allocation;
        Allocation slowAnswer = kernel.Kernel.Map(slow).Allocation;
        kernel.Records.Add(new MapRecord(10, slowWindow, "nvme", slow, ObservedMap.At(slowAnswer.BounceAddress)));
        kernel.Records.Add(new MapRecord(11, fastWindow, "nvme", fast, ObservedMap.At(fastAnswer.BounceAddress)));
        return (Replay("linux-5.12", kernel.Records), fast);
    }
}
