using Swiotlb.Trace.Blktrace;
using Swiotlb.Trace.Capture;
using Swiotlb.Trace.Events;

namespace Swiotlb.Trace.Tests.Blktrace;

/// <summary>Actions, pdus and notes the real captures do not hold, from hand-built records.</summary>
public sealed class RecordDecodingTests
{
    private const int Read = 0, Write = 1, Flush = 2, Sync = 3, Queue = 4, Issue = 6, Complete = 7, Fs = 8, Pc = 9, Notify = 10, Ahead = 11, Meta = 12, Discard = 13, Fua = 15;

    [Theory]
    [InlineData(new[] { Write, Sync }, 4096u, "WS")]
    [InlineData(new[] { Read }, 4096u, "R")]
    [InlineData(new[] { Read }, 0u, "N")]
    [InlineData(new[] { Flush, Write, Fua, Sync }, 0u, "FWFS")]
    [InlineData(new[] { Discard, Write }, 4096u, "D")]
    [InlineData(new[] { Read, Ahead, Meta }, 512u, "RAM")]
    public void Rwbs_is_built_as_blkparse_builds_it(int[] categories, uint bytes, string expected) =>
        Assert.Equal(expected, BlkparseNotation.Rwbs(new BlktraceAction(SyntheticRecord.Action(1, categories)), bytes));

    [Theory]
    [InlineData(1, "Q")] [InlineData(2, "M")] [InlineData(3, "F")] [InlineData(4, "G")] [InlineData(5, "S")] [InlineData(6, "R")]
    [InlineData(7, "D")] [InlineData(8, "C")] [InlineData(9, "P")] [InlineData(10, "U")] [InlineData(11, "UT")] [InlineData(12, "I")]
    [InlineData(13, "X")] [InlineData(14, "B")] [InlineData(15, "A")] [InlineData(16, null)] [InlineData(17, null)]
    public void Action_codes_get_blkparses_letters(int code, string? letters) =>
        Assert.Equal(letters, BlkparseNotation.ActionLetters(new BlktraceAction(SyntheticRecord.Action(code, Queue))));

    [Fact]
    public void Pass_through_records_get_letters_only_for_the_codes_blkparse_prints()
    {
        Assert.Equal("D", BlkparseNotation.ActionLetters(new BlktraceAction(SyntheticRecord.Action(7, Pc))));
        Assert.Null(BlkparseNotation.ActionLetters(new BlktraceAction(SyntheticRecord.Action(2, Pc))));
    }

    [Fact]
    public void Remap_split_and_unplug_pdus_are_decoded_big_endian()
    {
        byte[] remap = [0x00, 0x80, 0x00, 0x05, 0x10, 0x30, 0x00, 0x02, 0, 0, 0, 0, 0, 0, 0x01, 0x00];
        byte[] depth = [0, 0, 0, 0, 0, 0, 0, 3];
        var records = ReadAll(
            SyntheticRecord.Bytes(SyntheticRecord.Action(15, Queue, Write), time: 1, sector: 900, pdu: remap),
            SyntheticRecord.Bytes(SyntheticRecord.Action(11, Queue), time: 2, pdu: depth),
            SyntheticRecord.Bytes(SyntheticRecord.Action(13, Write), time: 3, pdu: depth)).Records;

        Assert.Equal(new BlktraceRemap(new DeviceNumber(8, 5), new DeviceNumber(259, 2), 256), records[0].Remap);
        Assert.Equal(new DeviceNumber(259, 1), records[0].Device);
        Assert.Equal(3UL, records[1].PduValue);
        Assert.Equal(3UL, records[2].PduValue);
        Assert.Null(records[0].PduValue);
    }

    [Fact]
    public void Notes_name_processes_first_name_wins_set_the_wall_clock_and_messages_are_records()
    {
        byte[] wallClock = [0x10, 0, 0, 0, 0x20, 0, 0, 0];
        var capture = ReadAll(
            SyntheticRecord.Bytes(SyntheticRecord.Action(0, Notify), pid: 42, pdu: "fio\0\0\0\0\0"u8.ToArray()),
            SyntheticRecord.Bytes(SyntheticRecord.Action(0, Notify), pid: 42, pdu: "later\0"u8.ToArray()),
            SyntheticRecord.Bytes(SyntheticRecord.Action(1, Notify), time: 500, pdu: wallClock),
            SyntheticRecord.Bytes(SyntheticRecord.Action(1, Queue, Read, Fs), time: 900, pid: 42, bytes: 4096),
            SyntheticRecord.Bytes(SyntheticRecord.Action(2, Notify), time: 950, pdu: "hello\0pad"u8.ToArray()));

        Assert.Equal(2, capture.Records.Count);
        Assert.Equal("fio", capture.Records[0].ProcessName);
        Assert.Equal("m", capture.Records[1].ActionLetters);
        Assert.Equal("hello", capture.Records[1].Message);
        Assert.Equal("N", capture.Records[1].Rwbs);
        Assert.Equal(new BlktraceWallClock(500, 16, 32), capture.Notes.WallClock);
        Assert.Equal(16_000_000_432L, capture.Notes.WallClock!.Value.UnixTimeNs(900));
    }

    [Fact]
    public void The_cgroup_flag_takes_the_id_off_the_front_of_the_pdu()
    {
        byte[] pdu = [1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 9];
        var record = ReadAll(SyntheticRecord.Bytes(SyntheticRecord.Action(10 | 1 << 8, Queue), pdu: pdu)).Records.Single();

        Assert.Equal(1UL, record.CgroupId);
        Assert.Equal(9UL, record.PduValue);
        Assert.Equal("U", record.ActionLetters);
    }

    [Fact]
    public void A_record_from_another_cpu_is_skipped_with_a_warning()
    {
        var (records, warnings, _) = ReadAll(
            SyntheticRecord.Bytes(SyntheticRecord.Action(1, Queue), cpu: 3, time: 1),
            SyntheticRecord.Bytes(SyntheticRecord.Action(4, Queue), time: 2));

        Assert.Equal("G", Assert.Single(records).ActionLetters);
        var warning = Assert.Single(warnings);
        Assert.Equal(CapturePosition.AtOffset("cpu.0", 0), warning.Position);
        Assert.Contains("CPU 3 in the file of CPU 0", warning.Message);
    }

    [Fact]
    public void Issue_and_complete_become_block_events_other_actions_do_not()
    {
        var records = ReadAll(
            SyntheticRecord.Bytes(SyntheticRecord.Action(7, Issue, Write, Sync, Fs), time: 10, sector: 64, bytes: 8192, pid: 42),
            SyntheticRecord.Bytes(SyntheticRecord.Action(8, Complete, Write, Sync, Fs), time: 20, sector: 64, bytes: 8192, pid: 0, error: 65531),
            SyntheticRecord.Bytes(SyntheticRecord.Action(7, Issue, Pc), time: 30, bytes: 512),
            SyntheticRecord.Bytes(SyntheticRecord.Action(1, Queue, Write, Fs), time: 40)).Records;

        var issue = Assert.IsType<BlockRqIssue>(BlktraceBlockEvents.ToBlockEvent(records[0]));
        Assert.Equal(new BlockRqIssue(new EventHeader(10, 0, 42, ""), new DeviceNumber(259, 1), "WS", 8192, 64, 16, null, ""), issue);
        var complete = Assert.IsType<BlockRqComplete>(BlktraceBlockEvents.ToBlockEvent(records[1]));
        Assert.Equal(-5, complete.Error);
        Assert.Equal(16u, complete.SectorCount);
        Assert.Null(BlktraceBlockEvents.ToBlockEvent(records[2]));
        Assert.Null(BlktraceBlockEvents.ToBlockEvent(records[3]));
    }

    private static (IReadOnlyList<BlktraceRecord> Records, IReadOnlyList<CaptureWarning> Warnings, BlktraceNotes Notes) ReadAll(params byte[][] records)
    {
        using var capture = BlktraceReader.Read([new BlktraceCpuInput("cpu.0", 0, new MemoryStream(records.SelectMany(r => r).ToArray()))]);
        return (capture.Records.ToList(), capture.Warnings, capture.Notes);
    }
}
