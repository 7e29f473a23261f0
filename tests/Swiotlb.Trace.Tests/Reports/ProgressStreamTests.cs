using Swiotlb.Trace.Cli.Input;

namespace Swiotlb.Trace.Tests.Reports;

public sealed class ProgressStreamTests
{
    [Fact]
    public void A_read_shorter_than_the_quiet_time_prints_nothing()
    {
        var progress = new StringWriter();
        using var stream = new ProgressStream(new MemoryStream(new byte[1 << 20]), "trace.dat", progress);

        stream.CopyTo(Stream.Null);

        Assert.Equal("", progress.ToString());
    }

    [Fact]
    public void The_progress_line_gives_the_share_the_rate_and_the_time_left()
    {
        using var stream = new ProgressStream(new MemoryStream(), "trace.dat", TextWriter.Null);

        var line = stream.Line(position: 256L << 20, length: 1L << 30, elapsed: TimeSpan.FromSeconds(2));

        Assert.Equal("trace.dat: 25% of 1024 MiB, 128 MiB/s, 6 s left ", line);
    }
}
