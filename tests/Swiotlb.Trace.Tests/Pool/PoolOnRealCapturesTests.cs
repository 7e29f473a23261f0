using Swiotlb.Trace.Diff.Pool;
using Swiotlb.Trace.Replay.Allocator;
using Swiotlb.Trace.Replay.Pool;
using Swiotlb.Trace.Tests.Support;
using Xunit;

namespace Swiotlb.Trace.Tests.Pool;

/// <summary>The pool analysis against what the kernels themselves said: debugfs's io_tlb_used_hiwater, dmesg's
/// "swiotlb buffer is full … used N" line, and the 6.1 lockup.</summary>
public sealed class PoolOnRealCapturesTests
{
    [Fact]
    public void The_kernels_high_water_mark_is_io_tlb_used_hiwater_and_every_failure_has_a_cause()
    {
        var analysis = PoolAnalyses.Of(PoolAnalyses.Exhausted, sweep: false);
        var kernel = analysis.Observed!.Observer;

        // swiotlb-debugfs.txt: io_tlb_used_hiwater 939; analysis.txt: 27 real mapping failures.
        Assert.Equal(939, analysis.Debugfs!.UsedHiwater);
        Assert.Equal(939, kernel.PeakUsedSlots);
        Assert.Equal(27, kernel.FailureCount);
        Assert.Equal(0, kernel.FailuresOf(FailureCause.Unexplained));
        Assert.Equal(27, kernel.Failures.Count);
        Assert.Equal(1994, analysis.Observed.Reconstruction.ExactMatches);
    }

    [Fact]
    public void Without_pool_argument_uname_or_dmesg_the_kernels_pool_is_rebuilt_on_the_inferred_geometry()
    {
        var stripped = Validation.StrippedCaptures.WithoutPoolStatements(Samples.Capture("exhaust-b-6.12.117/trace.txt"));
        PoolAnalysis analysis;
        try
        {
            analysis = PoolAnalyses.OfFile(stripped, sweep: false);
        }
        finally
        {
            Validation.StrippedCaptures.Remove(stripped);
        }

        var kernel = analysis.Observed!;
        Assert.Equal(new PoolGeometry(0x39500000, 1024, 2), kernel.Pool.Geometry);
        Assert.NotNull(kernel.Pool.Inference);
        Assert.Equal((939, 27, 0), (kernel.Observer.PeakUsedSlots, kernel.Observer.FailureCount, kernel.Observer.FailuresOf(FailureCause.Unexplained)));
        Assert.Equal(new PoolGeometry(0x39500000, 1024, 2), analysis.Models[0].Model.Pool.Geometry);
    }

    [Fact]
    public void The_first_failure_meets_the_used_count_the_kernel_logged_and_is_fragmentation()
    {
        var first = PoolAnalyses.Of(PoolAnalyses.Exhausted, sweep: false).Observed!.Observer.Failures[0];

        // dmesg.txt: "nvme 0000:00:04.0: swiotlb buffer is full (sz: 259584 bytes), total 1024 (slots), used 618 (slots)"
        Assert.Equal(618, first.UsedSlots);
        Assert.Equal(Slots.For(259584), first.SlotsNeeded);
        Assert.Equal("0000:00:04.0", first.DeviceName);
        Assert.Equal(FailureCause.Fragmented, first.Cause);
        Assert.True(first.FreeSlots >= first.SlotsNeeded);
        Assert.True(first.LargestFreeRun < first.SlotsNeeded);
    }

    [Fact]
    public void The_6_1_lockup_is_an_endless_search_and_the_other_CPU_waits_behind_it()
    {
        var kernel = PoolAnalyses.Of(PoolAnalyses.Hang, sweep: false).Observed!;

        var failure = Assert.Single(kernel.Observer.Failures);
        Assert.Equal(FailureCause.EndlessSearch, failure.Cause);
        Assert.Equal(0, failure.Cpu);
        Assert.Equal(1, kernel.BlockedBehindEndlessSearch);
    }

    [Fact]
    public void The_sweeps_smallest_pool_replays_clean_and_the_size_below_it_does_not()
    {
        var smallest = PoolAnalyses.Of(PoolAnalyses.Exhausted).Smallest!;

        int FailuresAt(int slots) =>
            PoolAnalyses.Of(PoolAnalyses.Exhausted, new PoolOverrides(Slots: slots, Areas: smallest.Pool.Areas), sweep: false).Models[0].Observer.FailureCount;

        Assert.Equal(0, FailuresAt(smallest.Pool.Slots));
        Assert.True(FailuresAt(smallest.Pool.Slots / 2) > 0);
        Assert.True(smallest.Pool.Slots > 1024, "the capture's own 1024-slot pool had real failures");
    }

    [Fact]
    public void A_device_filter_replays_only_that_devices_mappings_and_their_releases()
    {
        var all = PoolAnalyses.Of(PoolAnalyses.Exhausted, sweep: false).Models[0].Observer;
        var ahci = PoolAnalyses.Of(PoolAnalyses.Exhausted, sweep: false,
            filter: new(new HashSet<string> { "0000:00:06.0" }, new HashSet<int>())).Models[0].Observer;

        // validate: 203 mappings of 0000:00:06.0 among 1996.
        Assert.Equal(1996, all.Mappings);
        Assert.Equal(203, ahci.Mappings);
        Assert.All(ahci.HoldersAtPeak, share => Assert.Equal("0000:00:06.0", share.DeviceName));
        Assert.True(ahci.LiveMappings.Extreme < 203, "releases of the kept mappings are kept too");
    }

    [Fact]
    public void Time_filters_split_the_mappings_without_losing_or_repeating_one()
    {
        const long split = 20_300_000_000;
        int Mappings(long? from, long? to) => PoolAnalyses.Of(PoolAnalyses.Exhausted, sweep: false,
            filter: new(new HashSet<string>(), new HashSet<int>(), from, to)).Models[0].Observer.Mappings;

        var before = Mappings(null, split - 1);
        var after = Mappings(split, null);

        Assert.True(before > 0 && after > 0);
        Assert.Equal(1996, before + after);
    }
}

/// <summary>The lab's 4-area capture (swiotlb=1024,4,force, 4 CPUs, 295 real failures, io_tlb_used_hiwater 1018).</summary>
public sealed class FourAreaPoolTests
{
    private const string Capture = "exhaust-4areas-6.12.117/trace.txt";

    [Fact]
    public void The_high_water_mark_is_io_tlb_used_hiwater_and_each_of_the_four_areas_is_followed()
    {
        var analysis = PoolAnalyses.Of(Capture, sweep: false);
        var kernel = analysis.Observed!.Observer;

        Assert.Equal(4, kernel.Geometry.AreaCount);
        Assert.Equal(1018, analysis.Debugfs!.UsedHiwater);
        Assert.Equal(1018, kernel.PeakUsedSlots);
        Assert.Equal(295, kernel.FailureCount);
        Assert.All(kernel.AreaUsedSlots, area => Assert.InRange(area.Extreme, 200, 256));
        Assert.True(kernel.FallBacks > 0, "a full area hands its CPU's mappings to the others");
    }

    [Fact]
    public void Every_failure_has_a_cause_and_the_two_the_timestamps_leave_open_are_cpu_3s_mappings_stamped_a_millisecond_late()
    {
        var kernel = PoolAnalyses.Of(Capture, sweep: false).Observed!.Observer;

        Assert.Equal(0, kernel.FailuresOf(FailureCause.Unexplained));
        Assert.Equal(2, kernel.FailuresOf(FailureCause.ClockSkew));
        // trace.txt: CPU 1 fails to map 160 KiB at 50.095980 and 50.096015 while slots 802-886 of area 3 are free by the
        // timestamps; CPU 3 maps 4 KiB buffers there stamped from 50.096986 on.
        var skewed = kernel.Failures.Where(f => f.Cause == FailureCause.ClockSkew).ToList();
        Assert.All(skewed, f =>
        {
            Assert.Equal(1, f.Cpu);
            Assert.Equal(3, f.Skew!.Value.Cpu);
            Assert.InRange(f.Skew.Value.LaterByNs, 900_000, ObservedPoolFollower.ClockSkewBoundNs);
            Assert.True(f.LargestFreeRun < f.SlotsNeeded || f.FreeSlots < f.SlotsNeeded || f.Areas.All(a => a.FreeSlots < f.SlotsNeeded || a.LargestFreeRun < f.SlotsNeeded));
        });
        Assert.Equal([50_095_980_000L, 50_096_015_000L], skewed.Select(f => f.TimeNs));
    }

    [Fact]
    public void Failures_predicted_equal_the_kernels_once_a_stalled_unmap_may_free_at_its_windows_end()
    {
        var report = Swiotlb.Trace.Tests.Support.CliRun.Run("validate", Swiotlb.Trace.Tests.Support.Samples.Capture(Capture), "--format", "json").Output;
        var replay = System.Text.Json.JsonDocument.Parse(report).RootElement.GetProperty("replay");

        Assert.Equal(295, replay.GetProperty("observedFailures").GetInt32());
        Assert.Equal(295, replay.GetProperty("predictedFailures").GetInt32());
        Assert.True(replay.GetProperty("exactMatches").GetInt32() >= 5169, "5153 of 5291 before unmaps could free at their window's end");
    }
}
