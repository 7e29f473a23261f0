using Swiotlb.Trace.Blktrace;
using Swiotlb.Trace.Cli.Input;

namespace Swiotlb.Trace.Tests.Blktrace;

/// <summary>The reader yields, for every real capture, the records blkparse prints, field by field and in the same order.</summary>
public sealed class BlkparseAgreementTests
{
    [Theory]
    [MemberData(nameof(Captures))]
    public void Reader_yields_what_blkparse_prints(string capture)
    {
        var (expected, source) = BlkparseOutput.For(capture);
        using var trace = BlktraceCpuFiles.Read(SampleCaptures.BlkFolder(capture));
        var records = trace.Records.Where(record => record.ActionLetters is not null).ToList();

        Assert.NotEmpty(expected);
        Assert.True(expected.Count == records.Count, $"{capture} ({source}): blkparse prints {expected.Count} records, the reader gave {records.Count}");
        var genesis = records[0].TimeNs;
        for (var i = 0; i < records.Count; i++)
            AssertSame(expected[i], records[i], genesis, $"{capture} ({source}) record {i}");
        Assert.Empty(trace.Warnings);
    }

    public static TheoryData<string> Captures() => SampleCaptures.WithBlktrace();

    private static void AssertSame(BlkparseLine line, BlktraceRecord record, ulong genesis, string where)
    {
        var device = record.Remap?.DeviceTo ?? record.Device;
        Assert.True(line.Device == device.ToString(), $"{where}: device {device}, blkparse {line.Device}");
        Assert.True(line.Cpu == record.Cpu, $"{where}: CPU {record.Cpu}, blkparse {line.Cpu}");
        Assert.True(line.Sequence == record.Sequence, $"{where}: sequence {record.Sequence}, blkparse {line.Sequence}");
        Assert.True(line.TimeNs == record.TimeNs - genesis, $"{where}: time {record.TimeNs - genesis}, blkparse {line.TimeNs}");
        Assert.True(line.Pid == record.Pid, $"{where}: pid {record.Pid}, blkparse {line.Pid}");
        Assert.True(line.Action == record.ActionLetters, $"{where}: action {record.ActionLetters}, blkparse {line.Action}");
        Assert.True(line.Rwbs == record.Rwbs, $"{where}: RWBS {record.Rwbs}, blkparse {line.Rwbs}");

        var trailing = line.Trailing();
        Assert.True(trailing is not null, $"{where}: blkparse line tail '{line.Tail}' not understood by the test");
        var (sector, sectorCount, bracketed, splitSector) = trailing.Value;
        if (sector is not null)
            Assert.True(sector == record.Sector, $"{where}: sector {record.Sector}, blkparse {sector}");
        if (sector is not null && sectorCount is not null)
            Assert.True(sectorCount == record.SectorCount, $"{where}: sectors {record.SectorCount}, blkparse {sectorCount}");
        if (splitSector is not null)
            Assert.True(splitSector == record.PduValue, $"{where}: split at {record.PduValue}, blkparse {splitSector}");
        var shown = line.Action is "C" or "R" ? record.Error.ToString() : record.ProcessName ?? "(null)";
        Assert.True(bracketed == shown, $"{where}: shown as [{shown}], blkparse [{bracketed}]");
    }
}
