using Swiotlb.Trace.Diff.Pool;
using Swiotlb.Trace.Replay.Allocator;
using Xunit;

namespace Swiotlb.Trace.Tests.Pool;

public sealed class PoolSweepTests
{
    private static readonly KernelGeneration Linux69 = ModelRegistry.Resolve("linux-6.9", "test");
    private static readonly KernelGeneration Linux510 = ModelRegistry.Resolve("linux-5.10", "test");

    [Fact]
    public void A_clean_size_between_failing_ones_is_not_the_answer()
    {
        SweepPoint[] points = [Point(256, 1, 9), Point(512, 1, 0), Point(1024, 1, 3), Point(2048, 1, 0), Point(4096, 1, 0)];

        Assert.Equal(2048, PoolSweep.Smallest(points, capturedAreas: 1)!.Pool.Slots);
    }

    [Fact]
    public void Among_equal_sizes_the_area_count_nearest_the_captures_wins()
    {
        SweepPoint[] points = [Point(1024, 1, 0), Point(1024, 2, 0), Point(1024, 4, 0)];

        Assert.Equal(2, PoolSweep.Smallest(points, capturedAreas: 2)!.Pool.Areas);
        Assert.Null(PoolSweep.Smallest([Point(1024, 2, 1)], capturedAreas: 2));
    }

    [Fact]
    public void The_grid_holds_only_pools_the_kernel_can_boot()
    {
        var grid = PoolSweep.Grid(Linux69, new PoolGeometry(0x4000_0000, 1024, 2), cpus: 2);

        Assert.Contains(new PoolCandidate(1024, 2), grid);
        Assert.All(grid, c => Assert.True(int.IsPow2(c.Slots) && c.Slots >= 128 * c.Areas && c.Slots <= 4096 && c.Areas is 1 or 2));
        Assert.Equal(grid.Count, grid.Distinct().Count());
        Assert.All(PoolSweep.Grid(Linux510, new PoolGeometry(0x4000_0000, 1000 / 128 * 128 + 128), cpus: 4), c => Assert.Equal(1, c.Areas));
    }

    [Theory]
    [InlineData(1000, null, 4, 1024, 4)]   // ALIGN to a segment, then up to a power of two
    [InlineData(1500, 2, 2, 2048, 2)]
    [InlineData(128, 4, 4, 512, 4)]        // at least one segment per area
    public void Swiotlb_N_M_boots_the_pool_the_6_x_kernel_rounds_it_to(int slots, int? areas, int cpus, int bootSlots, int bootAreas) =>
        Assert.Equal(new PoolCandidate(bootSlots, bootAreas), PoolCandidate.Booted(Linux69, slots, areas, cpus));

    [Fact]
    public void The_kernel_argument_takes_an_area_count_only_from_6_0_and_keeps_force()
    {
        Assert.Equal("swiotlb=2048,2,force", new PoolCandidate(2048, 2).KernelArgument(Linux69, force: true));
        Assert.Equal("swiotlb=2048,2", new PoolCandidate(2048, 2).KernelArgument(Linux69, force: false));
        Assert.Equal("swiotlb=2048,force", new PoolCandidate(2048, 1).KernelArgument(Linux510, force: true));
    }

    private static SweepPoint Point(int slots, int areas, int failures) => new(new PoolCandidate(slots, areas), 100, failures, 0, slots / 2, 0);
}
