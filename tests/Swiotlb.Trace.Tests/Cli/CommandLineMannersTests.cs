using Swiotlb.Trace.Replay.Allocator;
using Swiotlb.Trace.Tests.Support;

namespace Swiotlb.Trace.Tests.Cli;

public sealed class CommandLineMannersTests
{
    [Theory]
    [InlineData("--modle", "--model")]
    [InlineData("--recomend", "--recommend")]
    [InlineData("--html-", "--html")]
    public void A_mistyped_option_gets_the_nearest_one(string typed, string meant)
    {
        var (exit, _, error) = CliRun.Run("pool", Samples.Capture("smoke-6.1.0/trace.txt"), typed);

        Assert.Equal(2, exit);
        Assert.Contains($"'{typed}'. Did you mean '{meant}'?", error);
    }

    [Fact]
    public void A_mistyped_verb_gets_the_nearest_verb_and_nonsense_gets_none()
    {
        Assert.Contains("'replya'. Did you mean 'replay'?", CliRun.Run("replya").Error);
        Assert.DoesNotContain("Did you mean", CliRun.Run("zzzzzzzz").Error);
    }

    [Theory]
    [InlineData("linux-4.19", "linux-5.10", "before the min_align_mask series")]
    [InlineData("5.10.0-8-amd64", "linux-5.12", "with the min_align_mask backport")]
    [InlineData("6.5.0", "linux-6.3", "6.3–6.8")]
    public void A_kernel_release_says_which_model_it_means_and_why(string release, string model, string why)
    {
        var (_, output, _) = CliRun.Run("replay", Samples.Capture("smoke-6.1.0/trace.txt"), "-m", release);

        Assert.Contains($"model:    {model} (asked for as {release}: kernel ", output);
        Assert.Contains(why, ModelRegistry.WhyModelled(release));
        Assert.Null(ModelRegistry.WhyModelled(model));
    }

    [Fact]
    public void Validate_takes_its_model_as_m_too()
    {
        var (exit, output, _) = CliRun.Run("validate", Samples.Capture("smoke-6.1.0/trace.txt"), "-m", "linux-6.1");

        Assert.Equal(0, exit);
        Assert.Contains("model:    linux-6.1 (chosen by --model)", output);
    }

    [Fact]
    public void Help_says_what_each_format_is_of_and_that_a_model_may_be_a_kernel_release()
    {
        var export = CliRun.Run("export", "--help").Output;
        Assert.Contains("Table file format: parquet, csv.", export, StringComparison.Ordinal);
        Assert.DoesNotContain("Report format", export, StringComparison.Ordinal);
        foreach (var verb in new[] { "replay", "diff", "validate", "export", "pool" })
        {
            var help = CliRun.Run(verb, "--help").Output;
            Assert.Contains("--model <model>", help, StringComparison.Ordinal);
            Assert.Contains("kernel release", help, StringComparison.Ordinal);
        }
    }
}
