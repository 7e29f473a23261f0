using Swiotlb.Trace.Diff.Replaying;
using Swiotlb.Trace.Tests.Replaying;
using Swiotlb.Trace.Tests.Support;
using Xunit.Abstractions;

namespace Swiotlb.Trace.Tests.BlockReplay;

/// <summary>
/// A replay from blktrace alone against the same capture's exact replay (its kprobe mappings of the same NVMe disk):
/// the pool occupancy agrees within a measured tolerance.
/// </summary>
public sealed class OccupancyToleranceTests(ITestOutputHelper log)
{
    private const string Folder = "fio-mixed-6.1.0";
    private const string Nvme = "0000:00:04.0";
    private const long BucketNs = 10_000_000;

    [Theory]
    [InlineData("linux-5.10")]
    [InlineData("linux-6.1")]
    public void Blktrace_occupancy_matches_the_exact_mappings(string model)
    {
        var tracePath = Samples.Capture($"{Folder}/trace.txt");
        var blktracePath = Samples.Capture($"{Folder}/blk/nvme0n1.blktrace.0");
        var exact = DeviceOccupancy.Of(tracePath, ReplayRuns.OfPath(tracePath, model), Nvme).Single();
        var assumed = ReplayRuns.OfPath(blktracePath, model);
        var assumedRun = assumed.Summary.Runs.Single();
        var (shift, matched) = ClockAlignment.Between(tracePath, blktracePath);
        var series = OccupancyComparison.Of(exact.Occupancy.Points, assumedRun.Occupancy.Points, shift, BucketNs);

        log.WriteLine($"{model}: exact peak {exact.Occupancy.PeakUsedSlots}, blktrace peak {assumedRun.Occupancy.PeakUsedSlots}; " +
                      $"clock shift {shift} ns over {matched} matched issues; {series.Buckets} buckets of 10 ms: " +
                      $"mean |diff| {series.MeanAbsoluteDifference:F2} slots, max {series.MaxDifference}");
        Assert.Equal(MappingSourceKind.BlockRequests, assumed.Source);
        Assert.Equal(925, matched);
        Assert.InRange(assumedRun.Occupancy.PeakUsedSlots - exact.Occupancy.PeakUsedSlots, -1000, 1000);
    }
}
