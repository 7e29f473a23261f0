using Swiotlb.Trace.Tests.Support;

namespace Swiotlb.Trace.Tests.Cli;

/// <summary>A pool option that cannot go with the capture's pool is a usage error, found once the capture is read, not
/// an internal error.</summary>
public sealed class PoolOptionTests
{
    [Theory]
    [InlineData("replay")]
    [InlineData("validate")]
    public void Areas_that_do_not_divide_the_slots_are_refused_in_one_line(string verb)
    {
        var (code, _, error) = CliRun.Run(verb, Samples.Capture("smoke-6.1.0/trace.txt"), "--slots", "384", "--areas", "256");

        Assert.Equal(2, code);
        CliRun.AssertCleanError(error, "--areas 256 does not divide the pool: slots 384 (command line)");
    }
}
