using Swiotlb.Trace.Capture;
using Swiotlb.Trace.Cli.Input;
using Swiotlb.Trace.Events;
using Swiotlb.Trace.Replay.Allocator;
using Swiotlb.Trace.Replay.Validation;
using Swiotlb.Trace.Tests.Support;
using Swiotlb.Trace.Tests.TraceDat.Writing;

namespace Swiotlb.Trace.Tests.Validation;

/// <summary>
/// Every visible text capture, stripped of what states its pool (the <c>pool=</c> argument, <c>uname.txt</c>,
/// <c>dmesg.txt</c>): the pool's start, slot count and area count and the kernel generation are inferred from the
/// kernel's own placements, and validation matches as many mappings as with the pool stated.
/// </summary>
public class GeometryInferenceTests
{
    public static TheoryData<string> TextCaptures() => [.. Samples.FoldersWith("trace.txt").Select(folder => $"{folder}/trace.txt")];

    [Theory]
    [MemberData(nameof(TextCaptures))]
    public void A_capture_that_does_not_state_its_pool_gets_the_true_geometry_back(string capture)
    {
        var original = Samples.Capture(capture);
        var stated = Validations.Of(original, SiblingKernelFacts.Read(original));
        var inferred = Validations.OfStripped(original, new KernelFacts());

        Assert.Null(stated.Pool.Inference);
        Assert.NotNull(inferred.Pool.Inference);
        Assert.Equal(stated.Pool.Geometry, inferred.Pool.Geometry);
        Assert.Contains(inferred.Pool.Sources, source => source.StartsWith($"start 0x{stated.Pool.Geometry.StartAddress:x} (inferred", StringComparison.Ordinal));
        Assert.Equal((stated.Report.Predicted, stated.Report.ExactMatches, stated.Report.Mismatches),
            (inferred.Report.Predicted, inferred.Report.ExactMatches, inferred.Report.Mismatches));
    }

    [Theory]
    [MemberData(nameof(TextCaptures))]
    public void The_inferred_generation_explains_as_many_mappings_as_the_capture_kernels_own(string capture)
    {
        var original = Samples.Capture(capture);
        var stated = Validations.Of(original, SiblingKernelFacts.Read(original));
        var inferred = Validations.OfStripped(original, new KernelFacts(), line => !line.Contains("Linux version ", StringComparison.Ordinal));

        Assert.StartsWith("inference: ", inferred.ModelSource, StringComparison.Ordinal);
        Assert.True(inferred.Model == stated.Model || inferred.ModelSource.Contains($"{stated.Model} ", StringComparison.Ordinal),
            $"{inferred.Model} inferred for a {stated.Model} capture: {inferred.ModelSource}");
        Assert.Equal(stated.Report.ExactMatches, inferred.Report.ExactMatches);
    }

    public static TheoryData<string> KprobeTraceDats() => ["smoke-5.10.0", "offsets-5.10.0", "smoke-6.1.0", "offsets-6.1.0", "mkfs-xfs-6.1.0", "fio-mixed-6.1.0"];

    [Theory]
    [MemberData(nameof(KprobeTraceDats))]
    public void A_trace_dat_without_pool_argument_or_kernel_release_gets_the_true_geometry_back(string folder)
    {
        var original = Samples.Capture($"{folder}/trace.dat");
        var stated = Validations.Of(original, SiblingKernelFacts.Read(original));
        var stripped = Path.Combine(Path.GetTempPath(), $"swiotrace-nopool-{Guid.NewGuid():N}.dat");
        CaptureValidation inferred;
        try
        {
            CaptureRewriter.Write(original, stripped, change: e => e is SwiotlbMapEntry map ? map with { PoolStart = null } : e);
            inferred = Validations.Of(stripped, DevicesOnly(SiblingKernelFacts.Read(original)));
        }
        finally
        {
            File.Delete(stripped);
        }

        Assert.StartsWith("inference: ", inferred.ModelSource, StringComparison.Ordinal);
        Assert.Equal(stated.Pool.Geometry, inferred.Pool.Geometry);
        Assert.Equal((stated.Report.Predicted, stated.Report.ExactMatches), (inferred.Report.Predicted, inferred.Report.ExactMatches));
    }

    [Fact]
    public void A_6_12_capture_with_dma_events_alone_is_inferred_to_be_6_12_or_later()
    {
        var original = Samples.Capture("offsets-6.12.117/trace.txt");
        var inferred = Validations.OfStripped(original, new KernelFacts(), line => !IsLabKprobe(line));

        Assert.Equal("linux-6.9", inferred.Model);
        Assert.Contains("dma:* mapping events exist only from Linux 6.12", inferred.ModelSource, StringComparison.Ordinal);
        Assert.Equal((0L, 1248L), (inferred.Pairing.MapsFromKprobes, inferred.Pairing.MapsFromDmaEvents));
        Assert.Equal(new PoolGeometry(0x37a00000, 32768, 2), inferred.Pool.Geometry);
        Assert.Equal((1246, 1246), (inferred.Report.Predicted, inferred.Report.ExactMatches));
    }

    [Fact]
    public void The_lockup_dump_without_its_uname_still_names_cpu_0s_request_as_the_endless_search()
    {
        var original = Samples.Capture("hang-6.1.0/console.log");
        var validation = Validations.OfStripped(original, new KernelFacts());

        Assert.Equal(new PoolGeometry(0x3b90_0000, 1024, 2), validation.Pool.Geometry);
        Assert.Contains("slots 1024 (inferred from the bounce addresses)", validation.Pool.Sources);
        Assert.Equal((158, 158), (validation.Report.Predicted, validation.Report.ExactMatches));
        var cpu0 = validation.Report.Unreturned.Single(u => u.Record.Request.Cpu == 0);
        Assert.Equal(0x9e3d800UL, cpu0.Record.Request.OriginalAddress);
        Assert.Equal(MapOutcome.EndlessSearch, cpu0.Predicted.Outcome);
        var diagnoses = HangAnalysis.Diagnose(validation.Report.Unreturned, validation.Pool.Geometry.AreaCount);
        Assert.Equal(UnreturnedCause.EndlessSearch, diagnoses.Single(d => d.Mapping.Record.Request.Cpu == 0).Cause);
    }

    [Fact]
    public void A_pool_the_capture_states_is_not_second_guessed()
    {
        var original = Samples.Capture("exhaust-b-6.12.117/trace.txt");
        var validation = Validations.Of(original, SiblingKernelFacts.Read(original), new PoolOverrides(Slots: 2048));

        Assert.Null(validation.Pool.Inference);
        Assert.Equal(2048, validation.Pool.Geometry.SlotCount);
        Assert.Contains("slots 2048 (command line)", validation.Pool.Sources);
    }

    [Theory]
    [InlineData(0x1000UL, 0x200UL)]
    [InlineData(0x800UL, 0x40000UL)]
    [InlineData(0xffff_ffff_ffff_e000UL, 0x1000UL)]
    public void Placements_no_pool_can_hold_leave_the_pool_nominal_instead_of_failing(ulong bounce, ulong size)
    {
        var path = Path.Combine(Path.GetTempPath(), $"swiotrace-odd-{Guid.NewGuid():N}.txt");
        File.WriteAllLines(path,
        [
            "# tracer: nop",
            $"    kworker/1:1H-44      [001] .....    10.180906: swiotlb_bounced: dev_name: 0000:00:04.0 dma_mask=ffffffffffffffff dev_addr=11850000 size={size} FORCE",
            $"    kworker/1:1H-44      [001] .....    10.181283: swmap: (swiotlb_tbl_map_single+0x0/0x6c0) dev=0xff32b91b7bd6d0d0 orig=0x11850000 msize=0x{size:x} asize=0x{size:x} align=0x0 dir=0x1",
            $"    kworker/1:1H-44      [001] .....    10.181712: swmapret: (swiotlb_map+0x6f/0x260 <- swiotlb_tbl_map_single) ret=0x{bounce:x}",
        ]);
        try
        {
            var validation = Validations.Of(path, new KernelFacts { Release = "6.1.0-54-amd64" });

            Assert.Equal(1, validation.Report.Mappings);
            Assert.True(validation.Pool.Inference is null || validation.Pool.Geometry.Contains(bounce),
                $"inferred {validation.Pool.Geometry} does not hold 0x{bounce:x}");
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void A_stated_slot_count_too_small_for_the_placements_is_replayed_as_stated()
    {
        var stripped = StrippedCaptures.WithoutPoolStatements(Samples.Capture("offsets-6.1.0/trace.txt"));
        try
        {
            var validation = Validations.Of(stripped, new KernelFacts(), new PoolOverrides(Slots: 128));

            Assert.Equal(128, validation.Pool.Geometry.SlotCount);
            Assert.True(validation.Report.Mismatches > 0);
        }
        finally
        {
            StrippedCaptures.Remove(stripped);
        }
    }

    /// <summary>The boot log's word on which device is the NVMe controller (the writer has no NVMe completion events to
    /// show it), nothing about the kernel or its pool.</summary>
    private static KernelFacts DevicesOnly(KernelFacts facts) =>
        facts with { Release = null, CommandLine = null, PossibleCpus = null, PoolStart = null, PoolBytes = null, AreaCount = null };

    private static bool IsLabKprobe(string line) =>
        line.Contains(" swmap: ", StringComparison.Ordinal) || line.Contains(" swmapret: ", StringComparison.Ordinal)
        || line.Contains(" swunmap: ", StringComparison.Ordinal);
}
