using Swiotlb.Trace.Events;
using Swiotlb.Trace.Tests.Support;

namespace Swiotlb.Trace.Tests.Payloads;

/// <summary>Kprobes are recognised by the probed symbol (or, where only addresses are printed, by their arguments), never by their user-given name.</summary>
public class KprobeDecoderTests
{
    private const string Head = "    kworker/1:1H-145     [001] .....    10.499307: ";

    [Theory]
    [InlineData("swmap: (swiotlb_tbl_map_single+0x0/0x6c0) dev=0xff4718bf7222d0d0 orig=0x9bcb000 msize=0x1000 asize=0x1000 align=0x0 dir=0x1 pool=0x37b00000", 0x1000UL, 0UL)]
    [InlineData("my_probe: (swiotlb_tbl_map_single+0x4/0x770) dev=0xff4718bf7222d0d0 orig=0x9bcb000 msize=0x1000 dir=0x1 pool=0x37b00000", null, null)]
    [InlineData("swmap:                (ffffffff85344b60) dev=0xff4718bf7222d0d0 orig=0x9bcb000 msize=0x1000 asize=0x1000 align=0x0 dir=0x1 pool=0x37b00000", 0x1000UL, 0UL)]
    public void Map_entry_probe_reads_arguments_by_name(string line, ulong? allocSize, ulong? align)
    {
        var entry = Assert.IsType<SwiotlbMapEntry>(TextCaptures.Single(Head + line));

        Assert.Equal((0xff4718bf7222d0d0UL, 0x9bcb000UL, 0x1000UL, allocSize, align, DmaDirection.ToDevice, 0x37b00000UL),
            (entry.DevicePointer, entry.OriginalAddress, entry.MappingSize, entry.AllocSize, entry.AllocAlignMask, entry.Direction, entry.PoolStart));
    }

    [Theory]
    [InlineData("swmapret: (swiotlb_map+0x6f/0x260 <- swiotlb_tbl_map_single) ret=0x39b1a000", 0x39b1a000UL)]
    [InlineData("swmapret: (swiotlb_map+0x63/0x280 <- swiotlb_tbl_map_single) ret=933294080", 933294080UL)]
    [InlineData("swmapret: (swiotlb_map+0x63/0x280 <- swiotlb_tbl_map_single) ret=0xffffffffffffffff", ulong.MaxValue)]
    [InlineData("swmapret: (swiotlb_map+0x63/0x280 <- swiotlb_tbl_map_single) ret=-1", ulong.MaxValue)]
    public void Map_return_probe_reads_hex_or_decimal(string line, ulong returned)
    {
        var result = Assert.IsType<SwiotlbMapReturn>(TextCaptures.Single(Head + line));

        Assert.Equal(returned, result.ReturnValue);
        Assert.Equal(returned == ulong.MaxValue, result.Failed);
    }

    [Theory]
    [InlineData("swunmap: (swiotlb_tbl_unmap_single+0x0/0x130) dev=0xffff8fe4813d60c8 tlb=0x37d28000 msize=0x1000 asize=0x1000 dir=0x1", 0x1000UL)]
    [InlineData("swunmap: (__swiotlb_tbl_unmap_single+0x4/0x60) dev=0xffff8fe4813d60c8 tlb=0x37d28000 msize=0x1000 dir=0x1", null)]
    [InlineData("swunmap:              (ffffffff85345220) dev=0xffff8fe4813d60c8 tlb=0x37d28000 msize=0x1000 dir=0x1", null)]
    public void Unmap_probe_under_both_symbol_names(string line, ulong? allocSize)
    {
        var unmap = Assert.IsType<SwiotlbUnmapEntry>(TextCaptures.Single(Head + line));

        Assert.Equal((0x37d28000UL, 0x1000UL, allocSize), (unmap.BounceAddress, unmap.MappingSize, unmap.AllocSize));
    }

    [Fact]
    public void A_return_probe_printed_as_addresses_is_recognised_through_its_entry_probe()
    {
        var (events, _) = TextCaptures.ReadText(
            Head + "swmap:                (ffffffff85344b60) dev=0x1 orig=0x9bcb000 msize=0x1000 dir=0x1\n" +
            Head + "swmapret:             (ffffffff85344b60 <- ffffffff8534547f) ret=0x39b1a000\n" +
            Head + "other_ret:            (ffffffff80000000 <- ffffffff8534547f) ret=0x5\n");

        Assert.IsType<SwiotlbMapReturn>(events[1]);
        Assert.IsType<GenericEvent>(events[2]);
    }

    [Fact]
    public void A_kprobe_on_another_function_stays_generic_with_its_payload()
    {
        var generic = Assert.IsType<GenericEvent>(TextCaptures.Single(Head + "myprobe: (dma_direct_map_page+0x0/0x100) dev=0x1 phys=0x2"));

        Assert.Equal(("myprobe", "(dma_direct_map_page+0x0/0x100) dev=0x1 phys=0x2"), (generic.Name, generic.Payload));
    }
}
