using Swiotlb.Trace.Events;
using Swiotlb.Trace.Tests.Support;

namespace Swiotlb.Trace.Tests.Kernel;

/// <summary>
/// The 6.18+ <c>dma:*</c> events read the same from the kernel's text and from a trace.dat record laid out by the 6.18 format
/// files (<c>samples/formats/linux-6.18-formats.txt</c>): one field-level decoder serves both.
/// </summary>
public class NewestDmaEventTests
{
    private const string Head = "            udio-187     [001] .....    25.968791: ";
    private static readonly string Formats618 = FormatRecord.FormatsFile("linux-6.18-formats.txt");

    [Fact]
    public void Dma_map_phys_reads_alike_from_text_and_record()
    {
        var text = Assert.IsType<DmaMapSingle>(TextCaptures.Single(Head + "dma_map_phys: 0000:00:04.0 dir=TO_DEVICE dma_addr=36f0f000 size=512 phys_addr=2b411000 attrs="));
        var record = FromRecord("dma_map_phys", text.Header, new()
        {
            ["device"] = "0000:00:04.0", ["phys_addr"] = 0x2b411000UL, ["dma_addr"] = 0x36f0f000UL, ["size"] = 512UL, ["dir"] = 1UL, ["attrs"] = 0UL,
        });

        Assert.Equal(new DmaMapSingle(text.Header, "0000:00:04.0", DmaDirection.ToDevice, 0x36f0f000, 512, 0x2b411000, "", DmaSingleApi.Phys), text);
        Assert.Equal(text, record);
        Assert.Equal(("dma_map_phys", EventKind.DmaMapPhys), (text.Name, text.Kind));
    }

    [Fact]
    public void Dma_unmap_phys_reads_its_addr_field_printed_as_dma_addr()
    {
        var text = Assert.IsType<DmaUnmapSingle>(TextCaptures.Single(Head + "dma_unmap_phys: 0000:00:04.0 dir=FROM_DEVICE dma_addr=36f0f000 size=512 attrs=SKIP_CPU_SYNC"));
        var record = FromRecord("dma_unmap_phys", text.Header, new()
        {
            ["device"] = "0000:00:04.0", ["addr"] = 0x36f0f000UL, ["size"] = 512UL, ["dir"] = 2UL, ["attrs"] = 1UL << 5,
        });

        Assert.Equal(new DmaUnmapSingle(text.Header, "0000:00:04.0", DmaDirection.FromDevice, 0x36f0f000, 512, "SKIP_CPU_SYNC", DmaSingleApi.Phys), text);
        Assert.Equal(text, record);
    }

    [Fact]
    public void A_capped_scatterlist_keeps_its_full_counts_and_says_it_is_truncated()
    {
        var entries = Enumerable.Range(0, 128).Select(i => (Phys: 0x2b400000UL + (ulong)i * 0x1000, Dma: 0x35000000UL + (ulong)i * 0x1000)).ToList();
        var line = Head + "dma_map_sg: 0000:00:06.0 dir=TO_DEVICE nents=128/130 ents=128/130 [TRUNCATED] "
            + $"dma_addrs={Braces(entries.Select(e => e.Dma))} sizes={Braces(entries.Select(_ => 0x1000UL))} phys_addrs={Braces(entries.Select(e => e.Phys))} attrs=";
        var text = Assert.IsType<DmaMapSg>(TextCaptures.Single(line));
        var record = FromRecord("dma_map_sg", text.Header, new()
        {
            ["device"] = "0000:00:06.0", ["full_nents"] = 130UL, ["full_ents"] = 130UL, ["truncated"] = 1UL,
            ["phys_addrs"] = entries.Select(e => e.Phys).ToArray(), ["dma_addrs"] = entries.Select(e => e.Dma).ToArray(),
            ["lengths"] = entries.Select(_ => 0x1000UL).ToArray(), ["dir"] = 1UL, ["attrs"] = 0UL,
        });

        Assert.Equal((130, 130, true, 128, 2), (text.EntriesIn, text.EntriesMapped, text.Truncated, text.PhysAddresses.Length, text.EntriesNotShown));
        Assert.Equal(text, record);
    }

    [Fact]
    public void A_capped_scatterlist_without_the_marker_is_still_truncated()
    {
        var line = Head + "dma_map_sg: 0000:00:04.0 dir=FROM_DEVICE nents=1/130 ents=1/129 dma_addrs={0x1} sizes={0x200} phys_addrs={0x2} attrs=";

        var list = Assert.IsType<DmaMapSg>(TextCaptures.Single(line));

        Assert.Equal((130, 129, true, 128), (list.EntriesIn, list.EntriesMapped, list.Truncated, list.EntriesNotShown));
    }

    [Fact]
    public void Dma_map_sg_err_reads_its_original_addresses_printed_as_dma_addrs()
    {
        var text = Assert.IsType<DmaMapSgError>(TextCaptures.Single(Head + "dma_map_sg_err: 0000:00:06.0 dir=TO_DEVICE dma_addrs={0x2b3d0000,0x2b3d1000} err=-12 attrs=NO_WARN"));
        var record = FromRecord("dma_map_sg_err", text.Header, new()
        {
            ["device"] = "0000:00:06.0", ["phys_addrs"] = new[] { 0x2b3d0000UL, 0x2b3d1000UL }, ["err"] = unchecked((ulong)-12L), ["dir"] = 1UL, ["attrs"] = 1UL << 8,
        });

        Assert.Equal([0x2b3d0000UL, 0x2b3d1000UL], text.PhysAddresses.ToArray());
        Assert.Equal((-12, "NO_WARN", "dma_map_sg_err"), (text.Error, text.Attributes, text.Name));
        Assert.Equal(text, record);
    }

    [Fact]
    public void Perf_script_lines_of_the_renamed_events_are_typed()
    {
        const string perf = "            udio   217 [001]    10.733052:               dma:dma_map_phys: 0000:00:04.0 dir=TO_DEVICE dma_addr=39a0c000 size=512 phys_addr=d8a9000 attrs=\n"
            + "         swapper     0 [001]    10.733806:             dma:dma_unmap_phys: 0000:00:04.0 dir=TO_DEVICE dma_addr=39a0c000 size=512 attrs=\n";
        using var reader = new Swiotlb.Trace.Perf.PerfScriptReader(new MemoryStream(System.Text.Encoding.UTF8.GetBytes(perf)), "perf-script.txt");

        var events = reader.ReadEvents().ToList();

        Assert.Equal([EventKind.DmaMapPhys, EventKind.DmaUnmapPhys], events.Select(e => e.Kind));
        Assert.Equal((0x39a0c000UL, 0xd8a9000UL), (((DmaMapSingle)events[0]).DmaAddress, ((DmaMapSingle)events[0]).PhysAddress));
        Assert.Equal(0x39a0c000UL, ((DmaUnmapSingle)events[1]).DmaAddress);
        Assert.Equal(0, reader.Statistics.MalformedLines);
    }

    private static TraceEvent FromRecord(string name, EventHeader header, Dictionary<string, object> values)
    {
        var format = FormatRecord.Format(Formats618, "dma", name);
        return FormatRecord.Decode(format, FormatRecord.Encode(format, values), header);
    }

    private static string Braces(IEnumerable<ulong> values) => "{" + string.Join(",", values.Select(v => $"0x{v:x}")) + "}";
}
