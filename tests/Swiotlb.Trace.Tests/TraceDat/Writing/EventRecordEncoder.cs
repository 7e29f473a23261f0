using System.Buffers.Binary;
using System.Text;
using Swiotlb.Trace.Events;

namespace Swiotlb.Trace.Tests.TraceDat.Writing;

/// <summary>
/// The event formats the test writer declares (6.1 layouts) and the little-endian records it encodes for them:
/// <c>swiotlb_bounced</c>, <c>nvme_setup_cmd</c>, <c>nvme_complete_rq</c>, <c>nvme_sq</c>, <c>block_rq_issue</c>,
/// <c>block_rq_complete</c> and the <c>swmap</c>/<c>swmapret</c>/<c>swunmap</c> kprobes.
/// </summary>
internal static class EventRecordEncoder
{
    public const ulong MapFunctionAddress = 0xffffffff81234560;
    public const ulong MapReturnAddress = 0xffffffff81234f00;
    public const ulong UnmapFunctionAddress = 0xffffffff81236000;

    private sealed record Field(string Declaration, int Offset, int Size, bool Signed);
    private sealed record Format(string System, string Name, int Id, int RecordSize, Field[] Fields, string PrintFormat);

    private static readonly Field[] Common =
    [
        new("unsigned short common_type", 0, 2, false), new("unsigned char common_flags", 2, 1, false),
        new("unsigned char common_preempt_count", 3, 1, false), new("int common_pid", 4, 4, true),
    ];

    private static readonly Format Bounced = new("swiotlb", "swiotlb_bounced", 100, 41,
        [new("__data_loc char[] dev_name", 8, 4, false), new("u64 dma_mask", 16, 8, false), new("dma_addr_t dev_addr", 24, 8, false),
         new("size_t size", 32, 8, false), new("bool force", 40, 1, false)],
        "\"dev_name: %s dma_mask=%llx dev_addr=%llx size=%zu %s\", __get_str(dev_name), REC->dma_mask, (unsigned long long)REC->dev_addr, REC->size, REC->force ? \"FORCE\" : \"NORMAL\"");

    private static readonly Format SetupCmd = new("nvme", "nvme_setup_cmd", 101, 85,
        [new("char disk[32]", 8, 32, false), new("int ctrl_id", 40, 4, true), new("int qid", 44, 4, true), new("u8 opcode", 48, 1, false),
         new("u8 flags", 49, 1, false), new("u8 fctype", 50, 1, false), new("u16 cid", 52, 2, false), new("u32 nsid", 56, 4, false),
         new("bool metadata", 60, 1, false), new("u8 cdw10[24]", 61, 24, false)],
        "\"nvme%d: qid=%d, cmdid=%u, nsid=%u\", REC->ctrl_id, REC->qid, REC->cid, REC->nsid");

    private static readonly Format MapEntry = new("kprobes", "swmap", 102, 72,
        [new("unsigned long __probe_ip", 8, 8, false), new("u64 dev", 16, 8, false), new("u64 orig", 24, 8, false), new("u64 msize", 32, 8, false),
         new("u64 asize", 40, 8, false), new("u64 align", 48, 8, false), new("u64 dir", 56, 8, false), new("u64 pool", 64, 8, false)],
        "\"(%lx) dev=0x%Lx orig=0x%Lx msize=0x%Lx asize=0x%Lx align=0x%Lx dir=0x%Lx pool=0x%Lx\", REC->__probe_ip, REC->dev, REC->orig, REC->msize, REC->asize, REC->align, REC->dir, REC->pool");

    /// <summary>The map probe as a user defines it without the pool's start (no <c>pool=</c> argument).</summary>
    private static readonly Format MapEntryWithoutPool = new("kprobes", "swmap_nopool", 105, 64,
        [new("unsigned long __probe_ip", 8, 8, false), new("u64 dev", 16, 8, false), new("u64 orig", 24, 8, false), new("u64 msize", 32, 8, false),
         new("u64 asize", 40, 8, false), new("u64 align", 48, 8, false), new("u64 dir", 56, 8, false)],
        "\"(%lx) dev=0x%Lx orig=0x%Lx msize=0x%Lx asize=0x%Lx align=0x%Lx dir=0x%Lx\", REC->__probe_ip, REC->dev, REC->orig, REC->msize, REC->asize, REC->align, REC->dir");

    private static readonly Format MapReturn = new("kprobes", "swmapret", 103, 32,
        [new("unsigned long __probe_func", 8, 8, false), new("unsigned long __probe_ret_ip", 16, 8, false), new("u64 ret", 24, 8, false)],
        "\"(%lx <- %lx) ret=0x%Lx\", REC->__probe_func, REC->__probe_ret_ip, REC->ret");

    private static readonly Format UnmapEntry = new("kprobes", "swunmap", 104, 48,
        [new("unsigned long __probe_ip", 8, 8, false), new("u64 dev", 16, 8, false), new("u64 tlb", 24, 8, false), new("u64 msize", 32, 8, false),
         new("u64 dir", 40, 8, false)],
        "\"(%lx) dev=0x%Lx tlb=0x%Lx msize=0x%Lx dir=0x%Lx\", REC->__probe_ip, REC->dev, REC->tlb, REC->msize, REC->dir");

    private static readonly Format CompleteRq = new("nvme", "nvme_complete_rq", 106, 68,
        [new("char disk[32]", 8, 32, true), new("int ctrl_id", 40, 4, true), new("int qid", 44, 4, true), new("int cid", 48, 4, true),
         new("u64 result", 56, 8, false), new("u8 retries", 64, 1, false), new("u8 flags", 65, 1, false), new("u16 status", 66, 2, false)],
        "\"nvme%d: %sqid=%d, cmdid=%u, res=%#llx, retries=%u, flags=0x%x, status=%#x\", REC->ctrl_id, nvme_trace_disk_name(p, REC->disk), REC->qid, REC->cid, REC->result, REC->retries, REC->flags, REC->status");

    private static readonly Format SubmissionQueue = new("nvme", "nvme_sq", 107, 52,
        [new("int ctrl_id", 8, 4, true), new("char disk[32]", 12, 32, true), new("int qid", 44, 4, true), new("u16 sq_head", 48, 2, false),
         new("u16 sq_tail", 50, 2, false)],
        "\"nvme%d: %sqid=%d, head=%u, tail=%u\", REC->ctrl_id, nvme_trace_disk_name(p, REC->disk), REC->qid, REC->sq_head, REC->sq_tail");

    private static readonly Format RqIssue = new("block", "block_rq_issue", 108, 60,
        [new("dev_t dev", 8, 4, false), new("sector_t sector", 16, 8, false), new("unsigned int nr_sector", 24, 4, false),
         new("unsigned int bytes", 28, 4, false), new("char rwbs[8]", 32, 8, true), new("char comm[16]", 40, 16, true),
         new("__data_loc char[] cmd", 56, 4, true)],
        "\"%d,%d %s %u (%s) %llu + %u [%s]\", ((unsigned int) ((REC->dev) >> 20)), ((unsigned int) ((REC->dev) & ((1U << 20) - 1))), REC->rwbs, REC->bytes, __get_str(cmd), (unsigned long long)REC->sector, REC->nr_sector, REC->comm");

    private static readonly Format RqComplete = new("block", "block_rq_complete", 109, 44,
        [new("dev_t dev", 8, 4, false), new("sector_t sector", 16, 8, false), new("unsigned int nr_sector", 24, 4, false),
         new("int error", 28, 4, true), new("char rwbs[8]", 32, 8, true), new("__data_loc char[] cmd", 40, 4, true)],
        "\"%d,%d %s (%s) %llu + %u [%d]\", ((unsigned int) ((REC->dev) >> 20)), ((unsigned int) ((REC->dev) & ((1U << 20) - 1))), REC->rwbs, __get_str(cmd), (unsigned long long)REC->sector, REC->nr_sector, REC->error");

    private static readonly Format[] Formats =
        [Bounced, SetupCmd, MapEntry, MapReturn, UnmapEntry, MapEntryWithoutPool, CompleteRq, SubmissionQueue, RqIssue, RqComplete];

    /// <summary>The systems and their format files, in the order the EVENT FORMATS block lists them.</summary>
    public static IEnumerable<(string System, string[] FormatTexts)> FormatFiles() =>
        Formats.GroupBy(f => f.System).Select(g => (g.Key, g.Select(FormatText).ToArray()));

    /// <summary>A kallsyms text naming the probed function, so readers recognise the kprobes.</summary>
    public static string Kallsyms => $"{MapFunctionAddress - 0x10:x} T dma_direct_map_page\n{MapFunctionAddress:x} T swiotlb_tbl_map_single\n{MapReturnAddress:x} T swiotlb_map\n" +
        $"{UnmapFunctionAddress:x} T swiotlb_tbl_unmap_single\n";

    /// <summary>The record for <paramref name="e"/>, without padding to 4 bytes.</summary>
    public static byte[] Encode(TraceEvent e) => e switch
    {
        SwiotlbBounced b => Record(Bounced, e, r =>
        {
            var name = Encoding.UTF8.GetBytes(b.Device + "\0");
            var withName = new byte[r.Length + name.Length];
            r.CopyTo(withName, 0);
            name.CopyTo(withName, r.Length);
            BinaryPrimitives.WriteUInt32LittleEndian(withName.AsSpan(8), (uint)(name.Length << 16 | r.Length));
            BinaryPrimitives.WriteUInt64LittleEndian(withName.AsSpan(16), b.DmaMask);
            BinaryPrimitives.WriteUInt64LittleEndian(withName.AsSpan(24), b.OriginalAddress);
            BinaryPrimitives.WriteUInt64LittleEndian(withName.AsSpan(32), b.Size);
            withName[40] = (byte)b.Force;
            return withName;
        }),
        NvmeSetupCmd c => Record(SetupCmd, e, r =>
        {
            Encoding.UTF8.GetBytes(c.Disk).CopyTo(r, 8);
            BinaryPrimitives.WriteInt32LittleEndian(r.AsSpan(40), c.ControllerId);
            BinaryPrimitives.WriteInt32LittleEndian(r.AsSpan(44), c.QueueId);
            r[48] = c.Opcode;
            BinaryPrimitives.WriteUInt16LittleEndian(r.AsSpan(52), c.CommandId);
            BinaryPrimitives.WriteUInt32LittleEndian(r.AsSpan(56), c.NamespaceId);
            if (c.Range is { } range)
            {
                BinaryPrimitives.WriteUInt64LittleEndian(r.AsSpan(61), range.StartLba);
                BinaryPrimitives.WriteUInt16LittleEndian(r.AsSpan(69), (ushort)(range.BlockCount - 1));
            }

            return r;
        }),
        SwiotlbMapEntry m => Record(m.PoolStart is null ? MapEntryWithoutPool : MapEntry, e, r =>
        {
            ulong[] values = m.PoolStart is { } pool
                ? [MapFunctionAddress, m.DevicePointer, m.OriginalAddress, m.MappingSize, m.AllocSize ?? 0, m.AllocAlignMask ?? 0, (ulong)m.Direction, pool]
                : [MapFunctionAddress, m.DevicePointer, m.OriginalAddress, m.MappingSize, m.AllocSize ?? 0, m.AllocAlignMask ?? 0, (ulong)m.Direction];
            for (var i = 0; i < values.Length; i++)
            {
                BinaryPrimitives.WriteUInt64LittleEndian(r.AsSpan(8 + i * 8), values[i]);
            }

            return r;
        }),
        SwiotlbMapReturn m => Record(MapReturn, e, r =>
        {
            BinaryPrimitives.WriteUInt64LittleEndian(r.AsSpan(8), MapFunctionAddress);
            BinaryPrimitives.WriteUInt64LittleEndian(r.AsSpan(16), MapReturnAddress);
            BinaryPrimitives.WriteUInt64LittleEndian(r.AsSpan(24), m.ReturnValue);
            return r;
        }),
        SwiotlbUnmapEntry u => Record(UnmapEntry, e, r =>
        {
            ulong[] values = [UnmapFunctionAddress, u.DevicePointer, u.BounceAddress, u.MappingSize, (ulong)u.Direction];
            for (var i = 0; i < values.Length; i++)
            {
                BinaryPrimitives.WriteUInt64LittleEndian(r.AsSpan(8 + i * 8), values[i]);
            }

            return r;
        }),
        NvmeCompleteRq c => Record(CompleteRq, e, r =>
        {
            Encoding.UTF8.GetBytes(c.Disk).CopyTo(r, 8);
            BinaryPrimitives.WriteInt32LittleEndian(r.AsSpan(40), c.ControllerId);
            BinaryPrimitives.WriteInt32LittleEndian(r.AsSpan(44), c.QueueId);
            BinaryPrimitives.WriteInt32LittleEndian(r.AsSpan(48), c.CommandId);
            BinaryPrimitives.WriteUInt64LittleEndian(r.AsSpan(56), c.Result);
            r[64] = (byte)c.Retries;
            r[65] = (byte)c.Flags;
            BinaryPrimitives.WriteUInt16LittleEndian(r.AsSpan(66), (ushort)c.Status);
            return r;
        }),
        NvmeSq q => Record(SubmissionQueue, e, r =>
        {
            BinaryPrimitives.WriteInt32LittleEndian(r.AsSpan(8), q.ControllerId);
            Encoding.UTF8.GetBytes(q.Disk).CopyTo(r, 12);
            BinaryPrimitives.WriteInt32LittleEndian(r.AsSpan(44), q.QueueId);
            BinaryPrimitives.WriteUInt16LittleEndian(r.AsSpan(48), (ushort)q.SqHead);
            BinaryPrimitives.WriteUInt16LittleEndian(r.AsSpan(50), (ushort)q.SqTail);
            return r;
        }),
        BlockRqIssue i => WithEmptyCommand(Record(RqIssue, e, r =>
        {
            WriteBlockRequest(r, i.Device, i.Sector, i.SectorCount, i.Rwbs);
            BinaryPrimitives.WriteUInt32LittleEndian(r.AsSpan(28), i.Bytes);
            Encoding.UTF8.GetBytes(i.IssuingComm).AsSpan(0, Math.Min(15, i.IssuingComm.Length)).CopyTo(r.AsSpan(40));
            return r;
        }), 56),
        BlockRqComplete c => WithEmptyCommand(Record(RqComplete, e, r =>
        {
            WriteBlockRequest(r, c.Device, c.Sector, c.SectorCount, c.Rwbs);
            BinaryPrimitives.WriteInt32LittleEndian(r.AsSpan(28), c.Error);
            return r;
        }), 40),
        _ => throw new ArgumentException($"the test writer has no format for {e.Name}", nameof(e)),
    };

    private static void WriteBlockRequest(byte[] record, DeviceNumber device, ulong sector, uint sectorCount, string rwbs)
    {
        BinaryPrimitives.WriteUInt32LittleEndian(record.AsSpan(8), (uint)(device.Major << 20 | device.Minor));
        BinaryPrimitives.WriteUInt64LittleEndian(record.AsSpan(16), sector);
        BinaryPrimitives.WriteUInt32LittleEndian(record.AsSpan(24), sectorCount);
        Encoding.UTF8.GetBytes(rwbs).AsSpan(0, Math.Min(7, rwbs.Length)).CopyTo(record.AsSpan(32));
    }

    /// <summary>Appends the empty string a block event's <c>cmd</c> holds (file system requests) and points the
    /// <c>__data_loc</c> at <paramref name="locationOffset"/> to it.</summary>
    private static byte[] WithEmptyCommand(byte[] record, int locationOffset)
    {
        var withCommand = new byte[record.Length + 1];
        record.CopyTo(withCommand, 0);
        BinaryPrimitives.WriteUInt32LittleEndian(withCommand.AsSpan(locationOffset), (uint)(1 << 16 | record.Length));
        return withCommand;
    }

    private static byte[] Record(Format format, TraceEvent e, Func<byte[], byte[]> fill)
    {
        var record = new byte[format.RecordSize];
        BinaryPrimitives.WriteUInt16LittleEndian(record, (ushort)format.Id);
        BinaryPrimitives.WriteInt32LittleEndian(record.AsSpan(4), e.Header.Pid);
        return fill(record);
    }

    private static string FormatText(Format format)
    {
        var text = new StringBuilder($"name: {format.Name}\nID: {format.Id}\nformat:\n");
        foreach (var field in Common)
        {
            AppendField(text, field);
        }

        text.Append('\n');
        foreach (var field in format.Fields)
        {
            AppendField(text, field);
        }

        return text.Append($"\nprint fmt: {format.PrintFormat}\n").ToString();
    }

    private static void AppendField(StringBuilder text, Field field) =>
        text.Append($"\tfield:{field.Declaration};\toffset:{field.Offset};\tsize:{field.Size};\tsigned:{(field.Signed ? 1 : 0)};\n");
}
