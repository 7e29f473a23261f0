using Swiotlb.Trace.Capture;
using Swiotlb.Trace.Events;
using Swiotlb.Trace.Tests.Support;

namespace Swiotlb.Trace.Tests.Payloads;

/// <summary>Each typed payload in the renderings the captures show (lines taken from the real captures).</summary>
public class PayloadDecoderTests
{
    private const string Head = "    kworker/1:1H-145     [001] .....    10.498647: ";
    private const string ReportHead = "    kworker/1:1H-145   [001]    10.475898: ";

    [Theory]
    [InlineData("dev_name: 0000:00:04.0 dma_mask=ffffffffffffffff dev_addr=9bcb000 size=4096 FORCE", BounceForce.Force)]
    [InlineData("dev_name: 0000:00:04.0 dma_mask=ffffffffffffffff dev_addr=9bcb000 size=4096 NORMAL", BounceForce.Normal)]
    [InlineData("dev_name: 0000:00:04.0 dma_mask=ffffffffffffffff dev_addr=9bcb000 size=4096 NO_FORCE", BounceForce.NoForce)]
    [InlineData("dev_name: 0000:00:04.0 dma_mask=ffffffffffffffff dev_addr=9bcb000 size=4096 0x1", BounceForce.Force)]
    public void Swiotlb_bounced_in_enum_bool_and_numeric_forms(string payload, BounceForce force)
    {
        var bounced = Assert.IsType<SwiotlbBounced>(TextCaptures.Single(Head + "swiotlb_bounced: " + payload));

        Assert.Equal(("0000:00:04.0", ulong.MaxValue, 0x9bcb000UL, 4096UL, force),
            (bounced.Device, bounced.DmaMask, bounced.OriginalAddress, bounced.Size, bounced.Force));
    }

    [Fact]
    public void Nvme_setup_cmd_from_kernel_text()
    {
        var command = Assert.IsType<NvmeSetupCmd>(TextCaptures.Single(Head +
            "nvme_setup_cmd: nvme0: disk=nvme0n1, qid=2, cmdid=13184, nsid=1, flags=0x0, meta=0x0, cmd=(nvme_cmd_read slba=108288, len=255, ctrl=0x0, dsmgmt=0, reftag=0)"));

        Assert.Equal(("nvme0n1", 0, 2, (ushort)13184, (byte)2, 1u), (command.Disk, command.ControllerId, command.QueueId, command.CommandId, command.Opcode, command.NamespaceId));
        Assert.Equal(new NvmeBlockRange(108288, 256), command.Range);
        Assert.False(command.UsesSgl);
    }

    [Fact]
    public void Nvme_setup_cmd_flags_tell_sgl_from_prp()
    {
        var command = Assert.IsType<NvmeSetupCmd>(TextCaptures.Single(Head +
            "nvme_setup_cmd: nvme0: disk=nvme0n1, qid=2, cmdid=1, nsid=1, flags=0x40, meta=0x0, cmd=(nvme_cmd_read slba=0, len=7, ctrl=0x0, dsmgmt=0, reftag=0)"));

        Assert.Equal((byte)0x40, command.Flags);
        Assert.True(command.UsesSgl);
    }

    [Fact]
    public void Nvme_setup_cmd_from_trace_cmd_fields_with_cdw10_bytes()
    {
        var command = Assert.IsType<NvmeSetupCmd>(TextCaptures.Single(ReportHead +
            "nvme_setup_cmd:       [FAILED TO PARSE] disk=nvme0n1 ctrl_id=0 qid=1 opcode=1 flags=0 fctype=1 cid=960 nsid=1 metadata=0 cdw10=ARRAY[80, 01, 00, 00, 00, 00, 00, 00, 07, 00, 00, 00, 00, 00, 00, 00, 00, 00, 00, 00, 00, 00, 00, 00]",
            CaptureFormat.TraceCmdReport));

        Assert.Equal(((byte)1, (ushort)960, 1), (command.Opcode, command.CommandId, command.QueueId));
        Assert.Equal(new NvmeBlockRange(0x180, 8), command.Range);
    }

    [Fact]
    public void Nvme_setup_cmd_whose_cdw10_trace_cmd_printed_as_a_string_has_no_range()
    {
        var command = Assert.IsType<NvmeSetupCmd>(TextCaptures.Single(ReportHead +
            "nvme_setup_cmd:       [FAILED TO PARSE] disk=nvme0n1 ctrl_id=0 qid=2 opcode=1 flags=0 fctype=1 cid=17280 nsid=1 metadata=0 cdw10=@",
            CaptureFormat.TraceCmdReport));

        Assert.Null(command.Range);
        Assert.Equal((ushort)17280, command.CommandId);
    }

    [Fact]
    public void Nvme_compare_in_kernel_text_prints_cdw10_not_slba_and_is_not_malformed()
    {
        var command = Assert.IsType<NvmeSetupCmd>(TextCaptures.Single(Head +
            "nvme_setup_cmd: nvme0: disk=nvme0n1, qid=2, cmdid=5, nsid=1, flags=0x0, meta=0x0, cmd=(nvme_cmd_compare cdw10=80 01 00 00 00 00 00 00 07 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00)"));

        Assert.Equal(((byte)5, (ushort)5), (command.Opcode, command.CommandId));
        Assert.Null(command.Range);
    }

    [Fact]
    public void Nvme_flush_has_no_block_range()
    {
        var command = Assert.IsType<NvmeSetupCmd>(TextCaptures.Single(Head +
            "nvme_setup_cmd: nvme0: disk=nvme0n1, qid=1, cmdid=896, nsid=1, flags=0x0, meta=0x0, cmd=(nvme_cmd_flush cdw10=00 00 00 00)"));

        Assert.Equal((byte)0, command.Opcode);
        Assert.Null(command.Range);
    }

    [Theory]
    [InlineData("nvme_complete_rq: nvme0: disk=nvme0n1, qid=2, cmdid=13184, res=0x0, retries=0, flags=0x0, status=0x4004", CaptureFormat.FtraceText)]
    [InlineData("nvme_complete_rq:     [FAILED TO PARSE] disk=nvme0n1 ctrl_id=0 qid=2 cid=13184 result=0 retries=0 flags=0 status=16388", CaptureFormat.TraceCmdReport)]
    public void Nvme_complete_rq_in_both_renderings(string line, CaptureFormat format)
    {
        var completed = Assert.IsType<NvmeCompleteRq>(TextCaptures.Single(Head + line, format));

        Assert.Equal((2, (ushort)13184, 0x4004, 0), (completed.QueueId, completed.CommandId, completed.Status, completed.ControllerId));
    }

    [Theory]
    [InlineData("nvme_sq: nvme0: disk=nvme0n1, qid=2, head=4, tail=5")]
    [InlineData("nvme_sq:              [FAILED TO PARSE] ctrl_id=0 disk=nvme0n1 qid=2 sq_head=4 sq_tail=5")]
    public void Nvme_sq_in_both_renderings(string line)
    {
        var sq = Assert.IsType<NvmeSq>(TextCaptures.Single(Head + line));

        Assert.Equal((2, 4, 5), (sq.QueueId, sq.SqHead, sq.SqTail));
    }

    [Theory]
    [InlineData("block_rq_issue: 259,1 WS 4096 () 0 + 8 [kworker/1:1H]", null, "kworker/1:1H")]
    [InlineData("block_rq_issue: 259,1 WS 4096 () 0 + 8 be,0,4 [udio]", "be,0,4", "udio")]
    [InlineData("block_rq_issue: 259,1 WS 4096 (12 34) 0 + 8 0x2,0,4 [my task]", "be,0,4", "my task")]
    [InlineData("block_rq_issue: 259,1 WS 4096 () 0 + 8 0x3,7,0 [perf rendering]", "idle,7,0", "perf rendering")]
    public void Block_rq_issue_with_and_without_ioprio(string line, string? ioPriority, string comm)
    {
        var issue = Assert.IsType<BlockRqIssue>(TextCaptures.Single(Head + line));

        Assert.Equal((new DeviceNumber(259, 1), "WS", 4096u, 0UL, 8u, ioPriority, comm),
            (issue.Device, issue.Rwbs, issue.Bytes, issue.Sector, issue.SectorCount, issue.IoPriority, issue.IssuingComm));
    }

    [Theory]
    [InlineData("block_rq_complete: 259,1 WS () 64 + 8 [0]", null)]
    [InlineData("block_rq_complete: 259,1 WS () 64 + 8 be,0,4 [-5]", "be,0,4")]
    public void Block_rq_complete_with_and_without_ioprio(string line, string? ioPriority)
    {
        var complete = Assert.IsType<BlockRqComplete>(TextCaptures.Single(Head + line));

        Assert.Equal((64UL, 8u, ioPriority), (complete.Sector, complete.SectorCount, complete.IoPriority));
        Assert.Equal(line.EndsWith("[-5]") ? -5 : 0, complete.Error);
    }

    [Fact]
    public void Dma_map_page_and_unmap_page()
    {
        var map = Assert.IsType<DmaMapSingle>(TextCaptures.Single(Head + "dma_map_page: 0000:00:04.0 dir=TO_DEVICE dma_addr=37a0f000 size=4096 phys_addr=9bc8000 attrs="));
        var unmap = Assert.IsType<DmaUnmapSingle>(TextCaptures.Single(Head + "dma_unmap_page: 0000:00:04.0 dir=FROM_DEVICE dma_addr=39a0c000 size=512 attrs=SKIP_CPU_SYNC"));

        Assert.Equal(("0000:00:04.0", DmaDirection.ToDevice, 0x37a0f000UL, 4096UL, 0x9bc8000UL), (map.Device, map.Direction, map.DmaAddress, map.Size, map.PhysAddress));
        Assert.Equal((DmaDirection.FromDevice, 0x39a0c000UL, 512UL, "SKIP_CPU_SYNC"), (unmap.Direction, unmap.DmaAddress, unmap.Size, unmap.Attributes));
    }

    [Theory]
    [InlineData("dma_map_sg: 0000:00:04.0 dir=TO_DEVICE nents=2/2 ents=2/2 dma_addrs={0x37a32200,0x37a33000} sizes={0xe00,0x200} phys_addrs={0x5647200,0x563d000} attrs=NO_WARN")]
    [InlineData("dma_map_sg:           [FAILED TO PARSE] device=0000:00:04.0 full_nents=2 full_ents=2 truncated=0 phys_addrs=ARRAY[00, 72, 64, 05, 00, 00, 00, 00, 00, d0, 63, 05, 00, 00, 00, 00] dma_addrs=ARRAY[00, 22, a3, 37, 00, 00, 00, 00, 00, 30, a3, 37, 00, 00, 00, 00] lengths=ARRAY[00, 0e, 00, 00, 00, 02, 00, 00] dir=1 attrs=0x100")]
    public void Dma_map_sg_arrays_in_both_renderings(string line)
    {
        var map = Assert.IsType<DmaMapSg>(TextCaptures.Single(Head + line));

        Assert.Equal(("0000:00:04.0", DmaDirection.ToDevice, 2, 2), (map.Device, map.Direction, map.EntriesIn, map.EntriesMapped));
        Assert.Equal([0x37a32200UL, 0x37a33000UL], map.DmaAddresses);
        Assert.Equal([0xe00UL, 0x200UL], map.Sizes);
        Assert.Equal([0x5647200UL, 0x563d000UL], map.PhysAddresses);
        Assert.Equal("NO_WARN", map.Attributes);
    }

    [Fact]
    public void Dma_map_sg_total_counts_come_from_the_second_number()
    {
        var map = Assert.IsType<DmaMapSg>(TextCaptures.Single(Head + "dma_map_sg: 0000:00:04.0 dir=FROM_DEVICE nents=1/130 ents=1/129 dma_addrs={0x1} sizes={0x200} phys_addrs={0x2} attrs="));

        Assert.Equal((130, 129), (map.EntriesIn, map.EntriesMapped));
    }

    [Fact]
    public void Dma_unmap_sg_in_both_renderings()
    {
        var text = Assert.IsType<DmaUnmapSg>(TextCaptures.Single(Head + "dma_unmap_sg: 0000:00:04.0 dir=TO_DEVICE phys_addrs={0x5647200,0x563d000} attrs="));
        var report = Assert.IsType<DmaUnmapSg>(TextCaptures.Single(ReportHead + "dma_unmap_sg:         [FAILED TO PARSE] device=0000:00:04.0 addrs=ARRAY[00, 72, 64, 05, 00, 00, 00, 00, 00, d0, 63, 05, 00, 00, 00, 00] dir=1 attrs=0x0", CaptureFormat.TraceCmdReport));

        Assert.Equal(text.PhysAddresses, report.PhysAddresses);
        Assert.Equal(text.Direction, report.Direction);
        Assert.Equal(text.Attributes, report.Attributes);
    }

    [Theory]
    [InlineData("0x0", "")]
    [InlineData("0x120", "SKIP_CPU_SYNC|NO_WARN")]
    [InlineData("0x801", "0x801")]
    public void Dma_attributes_printed_as_a_number_get_the_kernels_flag_names(string number, string names)
    {
        var unmap = Assert.IsType<DmaUnmapSingle>(TextCaptures.Single(Head + $"dma_unmap_page: 0000:00:04.0 dir=FROM_DEVICE dma_addr=39a0c000 size=512 attrs={number}"));

        Assert.Equal(names, unmap.Attributes);
    }
}
