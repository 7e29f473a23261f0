using System.Text;
using Swiotlb.Trace.Cli.Input;
using Swiotlb.Trace.Events;
using Swiotlb.Trace.Replay.Allocator;
using Swiotlb.Trace.Replay.Pairing;
using Swiotlb.Trace.Replay.Validation;
using Swiotlb.Trace.Tests.Kernel;
using Swiotlb.Trace.Tests.Support;

namespace Swiotlb.Trace.Tests.Validation;

/// <summary>
/// Debian 7.3 captures (<c>dma_map_phys</c>, a return probe at <c>swiotlb_map+104</c> no reader can place) and a 6.12 capture
/// rewritten to the newest event names validate exactly from their <c>dma:*</c> events.
/// </summary>
public class NewestKernelValidationTests
{
    public static TheoryData<string, int, int, ulong> Captures73() => new()
    {
        // capture, mappings, predicted (= exact matches), NVMe min_align_mask read by mam=
        { "offsets-7.3.4/trace.txt", 1170, 1168, 0xfff },
        { "offsets-7.3.4/trace.dat", 1170, 1168, 0xfff },
        { "mkfs-xfs-7.3.4/trace.txt", 653, 651, 0xfff },
        { "mkfs-xfs-7.3.4/trace.dat", 653, 651, 0xfff },
        { "nomask-fio-verify-nothp-7.3.4/trace.txt", 1311, 1310, 0x0 },
        { "nomask-fio-verify-nothp-7.3.4/trace.dat", 1311, 1310, 0x0 },
    };

    [Theory]
    [MemberData(nameof(Captures73))]
    public void A_7_3_capture_validates_exactly_from_its_dma_events(string capture, int mappings, int predicted, ulong nvmeMask)
    {
        var validation = Validate(Samples.Capture(capture));

        Assert.Equal("linux-6.9", validation.Model);
        Assert.Equal(new PoolGeometry(0x34f00000, 32768, 2, 4096), validation.Pool.Geometry);
        Assert.Equal((0L, (long)mappings, (long)mappings, 0L), (validation.Pairing.MapsFromKprobes, validation.Pairing.MapsFromDmaEvents,
            validation.Pairing.MapEntriesAnsweredByDmaEvents, validation.Pairing.Unreturned));
        Assert.Equal((mappings, predicted, predicted), (validation.Report.Mappings, validation.Report.Predicted, validation.Report.ExactMatches));
        Assert.Empty(validation.Report.Divergences);
        Assert.Equal((new DeviceDmaParameters(nvmeMask), DeviceEvidence.ProbedMask), validation.Devices["0000:00:04.0"]);
        Assert.Contains(validation.Warnings, w => w.Contains("kprobe swmapret on swiotlb_map", StringComparison.Ordinal));
    }

    [Fact]
    public void A_6_12_capture_renamed_to_the_newest_events_validates_from_its_dma_events_alone()
    {
        var original = Samples.Capture("offsets-6.12.117/trace.txt");
        var rewritten = RewriteToNewestEvents(original);
        var before = Validate(original);

        CaptureValidation after;
        try
        {
            after = Validate(rewritten, facts: new Swiotlb.Trace.Capture.KernelFacts());
        }
        finally
        {
            File.Delete(rewritten);
        }

        Assert.Equal((1248L, 0L), (before.Pairing.MapsFromKprobes, before.Pairing.MapsFromDmaEvents));
        Assert.Equal((0L, 1248L), (after.Pairing.MapsFromKprobes, after.Pairing.MapsFromDmaEvents));
        Assert.Equal((1246, 1246), (before.Report.Predicted, before.Report.ExactMatches));
        Assert.Equal((before.Report.Predicted, before.Report.ExactMatches), (after.Report.Predicted, after.Report.ExactMatches));
        Assert.Empty(after.Report.Divergences);
        Assert.Equal(before.Pool.Geometry, after.Pool.Geometry);
        Assert.Equal(before.Model, after.Model);
        Assert.NotNull(after.Pool.Inference);
    }

    [Fact]
    public void The_6_18_print_formats_of_the_renamed_events_are_those_of_6_12()
    {
        var formats612 = Samples.Capture("offsets-6.12.117/formats.txt");
        var formats618 = FormatRecord.FormatsFile("linux-6.18-formats.txt");

        Assert.Equal(PrintedKeys(formats612, "dma_map_page"), PrintedKeys(formats618, "dma_map_phys"));
        Assert.Equal(PrintedKeys(formats612, "dma_unmap_page"), PrintedKeys(formats618, "dma_unmap_phys"));
    }

    /// <summary>The capture as a 6.18+ kernel without kprobes would print it: <c>dma_map_page</c> → <c>dma_map_phys</c>,
    /// <c>dma_unmap_page</c> → <c>dma_unmap_phys</c> (same print formats), the swmap/swmapret/swunmap lines dropped, and so
    /// the pool start they gave (<c>pool=</c>): validated alone, without uname.txt or dmesg.txt, the pool is inferred.</summary>
    private static string RewriteToNewestEvents(string original)
    {
        var output = new StringBuilder();
        foreach (var line in File.ReadLines(original))
        {
            if (line.Contains(" swmap: ", StringComparison.Ordinal) || line.Contains(" swmapret: ", StringComparison.Ordinal)
                || line.Contains(" swunmap: ", StringComparison.Ordinal))
            {
                continue;
            }
            output.Append(line.Replace(" dma_map_page: ", " dma_map_phys: ", StringComparison.Ordinal)
                .Replace(" dma_unmap_page: ", " dma_unmap_phys: ", StringComparison.Ordinal)).Append('\n');
        }
        var path = Path.Combine(Path.GetTempPath(), $"swiotrace-newest-{Guid.NewGuid():N}.txt");
        File.WriteAllText(path, output.ToString());
        return path;
    }

    private static string PrintedKeys(string formatsFile, string eventName)
    {
        var text = File.ReadAllText(formatsFile);
        var at = text.IndexOf($"name: {eventName}\n", StringComparison.Ordinal);
        var print = text.IndexOf("print fmt: \"", at, StringComparison.Ordinal) + "print fmt: \"".Length;
        return text[print..text.IndexOf('"', print)];
    }

    private static CaptureValidation Validate(string path, PoolOverrides? pool = null, Swiotlb.Trace.Capture.KernelFacts? facts = null)
    {
        using var reader = CaptureOpener.Open(path, TextWriter.Null);
        return CaptureValidator.Validate(reader, facts ?? SiblingKernelFacts.Read(path),
            new ValidationOptions(null, pool ?? new PoolOverrides(), new Dictionary<string, DeviceDmaParameters>()));
    }
}
