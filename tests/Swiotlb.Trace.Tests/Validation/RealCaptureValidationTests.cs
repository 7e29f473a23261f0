using Swiotlb.Trace.Cli.Input;
using Swiotlb.Trace.Replay.Allocator;
using Swiotlb.Trace.Replay.Pairing;
using Swiotlb.Trace.Replay.Validation;
using Swiotlb.Trace.Tests.Blktrace;
using Swiotlb.Trace.Tests.Support;

namespace Swiotlb.Trace.Tests.Validation;

/// <summary>Every capture with ground truth, replayed through its own kernel's model, reproduces every address the kernel returned.</summary>
public class RealCaptureValidationTests
{
    public static TheoryData<string, string> CapturesAndModels() => new()
    {
        { "smoke-5.10.0/trace.txt", "linux-5.12" },
        { "offsets-5.10.0/trace.txt", "linux-5.12" },
        { "smoke-6.1.0/trace.txt", "linux-6.1" },
        { "offsets-6.1.0/trace.txt", "linux-6.1" },
        { "mkfs-xfs-6.1.0/trace.txt", "linux-6.1" },
        { "fio-mixed-6.1.0/trace.txt", "linux-6.1" },
        { "smoke-6.12.117/trace.txt", "linux-6.9" },
        { "offsets-6.12.117/trace.txt", "linux-6.9" },
        { "offsets-6.1.0/trace.dat", "linux-6.1" },
        { "fio-mixed-6.1.0/trace.dat", "linux-6.1" },
        { "offsets-6.12.117/trace.dat", "linux-6.9" },
    };

    [Theory]
    [MemberData(nameof(CapturesAndModels))]
    public void Own_kernel_model_matches_every_mapping(string capture, string expectedModel)
    {
        var validation = Validate(capture, model: null);

        Assert.Equal(expectedModel, validation.Model);
        Assert.True(validation.Report.Predicted > 0);
        Assert.Empty(validation.Report.Divergences);
        Assert.Equal(validation.Report.Predicted, validation.Report.ExactMatches);
        Assert.All(validation.Report.Devices, d => Assert.Equal(d.Predicted, d.Matched));
    }

    [Theory]
    [MemberData(nameof(CapturesAndModels))]
    public void A_small_reorder_window_gives_the_same_report(string capture, string expectedModel)
    {
        var whole = Validate(capture, expectedModel).Report;
        var streamed = ValidateFile(Samples.Capture(capture), expectedModel, reorderWindow: SmallReorderWindow).Report;

        Assert.Equal(Tallies(whole), Tallies(streamed));
        Assert.Empty(streamed.Divergences);
    }

    /// <summary>Far fewer records than any capture here holds, so the stream really is replayed through the window.</summary>
    private const int SmallReorderWindow = 256;

    private static object Tallies(ValidationReport report) => (report.Mappings, report.PreexistingMappings, report.Adopted, report.Predicted,
        report.ExactMatches, report.MatchedAfterRecovery, report.MatchedAfterReordering, report.RecoveredUnmaps, report.IgnoredUnmaps, report.ReorderedGroups);

    [Theory]
    [InlineData("smoke-5.10.0/trace.txt")]
    [InlineData("offsets-5.10.0/trace.txt")]
    public void Ahci_mappings_of_5_10_223_also_match_the_pre_patch_model(string capture)
    {
        var validation = Validate(capture, model: "linux-5.10");
        var ahci = validation.Report.Devices.Single(d => d.DeviceName == "0000:00:06.0");
        var nvme = validation.Report.Devices.Single(d => d.DeviceName == "0000:00:04.0");

        Assert.Equal(ahci.Predicted, ahci.Matched);
        Assert.True(ahci.Predicted > 0);
        Assert.True(nvme.Matched < nvme.Predicted, "NVMe kept its offsets on the real kernel, so the pre-patch model must miss some");
    }

    [Fact]
    public void Device_masks_come_from_what_the_capture_shows()
    {
        var validation = Validate("offsets-6.1.0/trace.txt", model: null);

        Assert.Equal(DeviceDmaParameters.NvmeMinAlignMask, validation.Devices["0000:00:04.0"].Parameters.MinAlignMask);
        Assert.Equal(0UL, validation.Devices["0000:00:06.0"].Parameters.MinAlignMask);
    }

    [Fact]
    public void Without_a_kernel_log_device_masks_are_inferred_from_behaviour()
    {
        using var alone = new TemporaryDirectory();
        var path = alone.File("trace.txt", File.ReadAllBytes(Samples.Capture("offsets-6.1.0/trace.txt")));

        var validation = ValidateFile(path, model: "linux-6.1");

        Assert.Equal((DeviceDmaParameters.Nvme, DeviceEvidence.CarriesNvmeCommands), validation.Devices["0000:00:04.0"]);
        Assert.Equal((DeviceDmaParameters.WithoutMinAlignMask, DeviceEvidence.MapsOutsideNvmeCommands), validation.Devices["0000:00:06.0"]);
        Assert.Equal((1342, 1342), (validation.Report.Predicted, validation.Report.ExactMatches));
        Assert.Empty(validation.Report.Divergences);
    }

    private static CaptureValidation Validate(string capture, string? model) => ValidateFile(Samples.Capture(capture), model);

    private static CaptureValidation ValidateFile(string path, string? model, int reorderWindow = ReplaySynchroniser.DefaultReorderWindow)
    {
        using var reader = CaptureOpener.Open(path, TextWriter.Null);
        return CaptureValidator.Validate(reader, SiblingKernelFacts.Read(path), new ValidationOptions(model, new PoolOverrides(), new Dictionary<string, DeviceDmaParameters>(), reorderWindow));
    }
}
