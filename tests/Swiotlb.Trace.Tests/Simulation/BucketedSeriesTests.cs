using Swiotlb.Trace.Replay.Simulation;
using Xunit;

namespace Swiotlb.Trace.Tests.Simulation;

public sealed class BucketedSeriesTests
{
    private const long Ms = 1_000_000;

    [Fact]
    public void A_point_after_coarsening_joins_the_bucket_that_now_holds_it()
    {
        var series = new BucketedSeries(capacity: 2);
        series.Add(0, 1);
        series.Add(2 * Ms, 5);
        series.Add(3 * Ms, 7);

        Assert.Equal([new SeriesPoint(0, 1), new SeriesPoint(2 * Ms, 7)], series.Points);
        Assert.Equal(7, series.Extreme);
    }

    [Fact]
    public void Buckets_never_exceed_the_capacity_and_keep_every_peak()
    {
        var series = new BucketedSeries(capacity: 4);
        for (var i = 0; i < 1000; i++)
            series.Add(i * 3 * Ms, i);

        Assert.InRange(series.Points.Count, 1, 4);
        Assert.Equal(series.Points.Select(p => p.StartNs).Distinct().Count(), series.Points.Count);
        Assert.Equal(999, series.Points.Max(p => p.Value));
    }

    [Fact]
    public void A_lowest_series_keeps_each_buckets_lowest_value_through_coarsening()
    {
        var series = new BucketedSeries(BucketKeeps.Lowest, capacity: 2);
        series.Add(0, 128);
        series.Add(Ms / 2, 40);
        series.Add(2 * Ms, 90);
        series.Add(3 * Ms, 12);

        Assert.Equal([new SeriesPoint(0, 40), new SeriesPoint(2 * Ms, 12)], series.Points);
        Assert.Equal(12, series.Extreme);
    }
}
