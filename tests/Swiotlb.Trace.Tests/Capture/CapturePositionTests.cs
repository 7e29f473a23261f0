using Swiotlb.Trace.Capture;
using Swiotlb.Trace.Tests.Support;

namespace Swiotlb.Trace.Tests.Capture;

/// <summary>One position format in every message: <c>FILE:LINE</c> for text, <c>FILE@OFFSET</c> for bytes, the file
/// alone for what its metadata says as a whole.</summary>
public sealed class CapturePositionTests
{
    [Fact]
    public void Each_kind_of_position_has_its_one_form()
    {
        Assert.Equal("trace.txt:12", CapturePosition.AtLine("trace.txt", 12, 4096).ToString());
        Assert.Equal("trace.dat@4096", CapturePosition.AtOffset("trace.dat", 4096).ToString());
        Assert.Equal("trace.dat@0", CapturePosition.AtOffset("trace.dat", 0).ToString());
        Assert.Equal("trace.dat", CapturePosition.WholeFile("trace.dat").ToString());
    }

    [Fact]
    public void A_warning_about_a_probe_s_format_names_the_file_and_no_offset()
    {
        var (_, _, error) = CliRun.Run("inspect", Samples.Capture("offsets-7.3.4/trace.dat"));

        Assert.Contains("offsets-7.3.4/trace.dat: probe swmapret: kprobe swmapret on swiotlb_map is neither", error);
        Assert.DoesNotContain("@-1", error);
    }
}
