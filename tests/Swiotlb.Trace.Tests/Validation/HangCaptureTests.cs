using Swiotlb.Trace.Cli.Input;
using Swiotlb.Trace.Replay.Allocator;
using Swiotlb.Trace.Replay.Validation;
using Swiotlb.Trace.Tests.Support;

namespace Swiotlb.Trace.Tests.Validation;

/// <summary>The real lockup of Debian 6.1 (samples/captures/hang-6.1.0): a console dump that lost its beginning and
/// ends inside two slot searches.</summary>
public class HangCaptureTests
{
    private static readonly string Console = Samples.Capture("hang-6.1.0/console.log");

    [Fact]
    public void Pool_comes_from_uname_and_the_pool_argument()
    {
        var validation = Validate();

        Assert.Equal("linux-6.1", validation.Model);
        Assert.Equal(new PoolGeometry(0x3b90_0000, 1024, 2), validation.Pool.Geometry);
        Assert.Equal(DeviceDmaParameters.NvmeMinAlignMask, validation.Devices["0000:00:04.0"].Parameters.MinAlignMask);
    }

    [Fact]
    public void Every_mapping_before_the_hang_matches_after_synchronisation()
    {
        var report = Validate().Report;

        Assert.Equal((162, 35, 2, 158, 158), (report.Mappings, report.PreexistingMappings, report.Adopted, report.Predicted, report.ExactMatches));
        Assert.Empty(report.Divergences);
        Assert.Equal(2, report.RecoveredUnmaps);
    }

    [Fact]
    public void Cpu_0_spins_in_an_endless_search_that_was_a_hazard_before_it_was_a_hang()
    {
        var cpu0 = Validate().Report.Unreturned.Single(u => u.Record.Request.Cpu == 0);

        Assert.Equal((0x9e3d800UL, 0x20000UL), (cpu0.Record.Request.OriginalAddress, cpu0.Record.Request.MappingSize));
        Assert.Equal(MapOutcome.EndlessSearch, cpu0.Predicted.Outcome);
        var expected = new EndlessSearchEvidence(Area: 0, Cursor: 123, Wrap: 124, Stride: 4, MatchMask: 0x800, RequiredBits: 0x800, WrapBits: 0, SlotsNeeded: 64, FreeSlots: 115);
        Assert.Equal(expected, cpu0.Predicted.Endless);
        Assert.Equal(expected, cpu0.Hazard);
    }

    [Fact]
    public void Cpu_1_fails_cleanly_in_the_model_and_is_inferred_to_wait_on_the_spinning_cpu()
    {
        var validation = Validate();
        var diagnoses = HangAnalysis.Diagnose(validation.Report.Unreturned, validation.Pool.Geometry.AreaCount);
        var cpu1 = diagnoses.Single(d => d.Mapping.Record.Request.Cpu == 1);

        Assert.Equal(MapOutcome.NoFit, cpu1.Mapping.Predicted.Outcome);
        Assert.Null(cpu1.Mapping.Hazard);
        Assert.Equal((UnreturnedCause.WaitingForSpinningCpu, 0, 0), (cpu1.Cause, cpu1.BlockingCpu, cpu1.BlockingArea));
        Assert.Equal(UnreturnedCause.EndlessSearch, diagnoses.Single(d => d.Mapping.Record.Request.Cpu == 0).Cause);
    }

    [Fact]
    public void The_report_tells_the_hang_the_hazard_and_the_inference_in_words()
    {
        var (code, output, _) = CliRun.Run("validate", Console);

        Assert.Equal(1, code);
        Assert.Contains("HANG: endless slot search. CPU 0 holds area 0's lock and spins forever", output);
        Assert.Contains("starts at slot 124 (area 0's cursor 123 rounded up to the stride of 4 slots)", output);
        Assert.Contains("a start slot must have bit 11 set; slot 124 has bit 11 clear", output);
        Assert.Contains("The request needs 64 slots and area 0 has 115 free", output);
        Assert.Contains("hazard: yes.", output);
        Assert.Contains("Nothing fits, so the hazard became the hang.", output);
        Assert.Contains("Inferred, not shown by the capture", output);
        Assert.Contains("so CPU 1 presumably waits on that lock", output);
        Assert.Contains("before it: 158 of 158 predicted mappings matched the kernel's answer after synchronisation", output);
        Assert.Contains("result: all 158 predicted mappings match the kernel's answers; 2 never returned, 1 of them in an endless search", output);
    }

    private static CaptureValidation Validate()
    {
        using var reader = CaptureOpener.Open(Console, TextWriter.Null);
        return CaptureValidator.Validate(reader, SiblingKernelFacts.Read(Console), new ValidationOptions(null, new PoolOverrides(), new Dictionary<string, DeviceDmaParameters>()));
    }
}
