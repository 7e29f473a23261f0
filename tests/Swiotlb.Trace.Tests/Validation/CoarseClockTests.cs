using Swiotlb.Trace.Cli.Input;
using Swiotlb.Trace.Tests.Support;
using Swiotlb.Trace.Tests.TraceDat.Writing;

namespace Swiotlb.Trace.Tests.Validation;

/// <summary>
/// A trace.dat records each CPU's events in their exact order, but a coarse clock (trace-cmd's <c>global</c> under QEMU)
/// stamps whole bursts from both CPUs with one timestamp, so the order across CPUs is lost. The real captures, rewritten
/// through the test writer with bursts of consecutive events collapsed onto one timestamp, validate as their trace.txt.
/// </summary>
public class CoarseClockTests
{
    public static TheoryData<string, int> Captures() => new()
    {
        { "smoke-5.10.0", 200 },
        { "offsets-5.10.0", 200 },
        { "offsets-5.10.0", 40 },
        { "smoke-6.1.0", 200 },
        { "offsets-6.1.0", 300 },
        { "offsets-6.1.0", 60 },
        { "mkfs-xfs-6.1.0", 200 },
        { "fio-mixed-6.1.0", 200 },
    };

    [Theory]
    [MemberData(nameof(Captures))]
    public void Bursts_stamped_with_one_timestamp_validate_as_the_text_capture(string folder, int burst)
    {
        var facts = SiblingKernelFacts.Read(Samples.Capture($"{folder}/trace.dat"));
        var text = Validations.Of(Samples.Capture($"{folder}/trace.txt"), facts);
        var collapsed = Path.Combine(Path.GetTempPath(), $"swiotrace-coarse-{Guid.NewGuid():N}.dat");
        try
        {
            int ties = CaptureRewriter.Write(Samples.Capture($"{folder}/trace.dat"), collapsed, burst);
            var validation = Validations.Of(collapsed, facts);

            Assert.True(ties > 0, "no burst mixes both CPUs");
            Assert.Equal((text.Report.Mappings, text.Report.Predicted, text.Report.ExactMatches),
                (validation.Report.Mappings, validation.Report.Predicted, validation.Report.ExactMatches));
            Assert.Empty(validation.Report.Divergences);
        }
        finally
        {
            File.Delete(collapsed);
        }
    }
}
