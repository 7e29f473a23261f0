using System.Text;
using Swiotlb.Trace.Capture;
using Swiotlb.Trace.Replay.Allocator;
using Swiotlb.Trace.Replay.Validation;
using Swiotlb.Trace.Text;

namespace Swiotlb.Trace.Tests.Validation;

/// <summary>A capped <c>dma_map_sg</c> and a failed one (<c>dma_map_sg_err</c>) are counted and named in the report, not taken as complete.</summary>
public class ScatterListNoteTests
{
    private const string Head = "    kworker/0:1H-146     [000] d..1.    28.5898";

    [Fact]
    public void Capped_and_failed_scatterlists_are_counted_and_noted()
    {
        var entries = Enumerable.Range(0, 128).Select(i => (Phys: 0x2b400000UL + (ulong)i * 0x1000, Dma: 0x35000000UL + (ulong)i * 0x1000)).ToList();
        var capture = new StringBuilder()
            .Append(Head).Append("26: dma_map_sg: 0000:00:06.0 dir=TO_DEVICE nents=128/130 ents=128/130 [TRUNCATED] ")
            .Append($"dma_addrs={Braces(entries.Select(e => e.Dma))} sizes={Braces(entries.Select(_ => 0x1000UL))} phys_addrs={Braces(entries.Select(e => e.Phys))} attrs=\n")
            .Append(Head).Append("27: dma_map_sg_err: 0000:00:06.0 dir=TO_DEVICE dma_addrs={0x2b3d0000,0x2b3d1000} err=-12 attrs=\n")
            .ToString();
        using var reader = new FtraceTextReader(new MemoryStream(Encoding.UTF8.GetBytes(capture)), "capped.txt", CaptureFormat.FtraceText);

        var validation = CaptureValidator.Validate(reader, new KernelFacts(Release: "6.18.0"),
            new ValidationOptions(null, new PoolOverrides(Start: 0x35000000), new Dictionary<string, DeviceDmaParameters>()));

        Assert.Equal((128L, 1L, 2L, 1L), (validation.Pairing.MapsFromDmaEvents, validation.Pairing.CappedScatterLists,
            validation.Pairing.ScatterListEntriesNotShown, validation.Pairing.FailedScatterLists));
        Assert.Contains("1 dma_map_sg events were capped at 128 entries and do not show 2 mapped entries: those mappings are not replayed", validation.Warnings);
        Assert.Contains(validation.Warnings, w => w.StartsWith("1 scatterlist maps failed (dma_map_sg_err)", StringComparison.Ordinal));
    }

    private static string Braces(IEnumerable<ulong> values) => "{" + string.Join(",", values.Select(v => $"0x{v:x}")) + "}";
}
