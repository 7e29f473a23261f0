using Swiotlb.Trace.Blktrace;
using Swiotlb.Trace.Capture;

namespace Swiotlb.Trace.Tests.Blktrace;

/// <summary>Truncated and bit-flipped copies of a small real file: records up to the damage, then a warning or a clear error; never a crash or a hang.</summary>
public sealed class CorruptionTests
{
    private const int HeaderSize = 48;
    private static readonly byte[] Original = File.ReadAllBytes(SampleCaptures.SmallCpuFile);
    private static readonly IReadOnlyList<BlktraceRecord> Intact = ReadAll(Original).Records;
    private static readonly IReadOnlyList<long> HeaderStarts = HeaderOffsets(Original);

    [Fact]
    public void Every_truncation_keeps_the_whole_records_before_it_and_warns_about_a_partial_one()
    {
        Assert.True(Original.Length > 2000);
        for (var length = 0; length < Original.Length; length++)
        {
            var (records, warnings) = ReadAll(Original[..length]);

            var whole = Intact.Where(r => r.Position.ByteOffset + HeaderSize + r.Pdu.Length <= length).Select(r => r.Position.ByteOffset);
            Assert.Equal(whole, records.Select(r => r.Position.ByteOffset));
            if (length == 0 || HeaderStarts.Contains(length))
            {
                Assert.Empty(warnings);
            }
            else
            {
                var warning = Assert.Single(warnings);
                Assert.StartsWith("truncated record", warning.Message);
                Assert.Equal(HeaderStarts.Last(start => start < length), warning.Position.ByteOffset);
            }
        }
    }

    [Fact]
    public async Task Every_byte_flip_reads_to_an_end_with_a_clear_error_or_what_could_be_read()
    {
        for (var offset = 0; offset < Original.Length; offset++)
        {
            var damaged = (byte[])Original.Clone();
            damaged[offset] ^= 0xff;
            var reading = Task.Run(() => ReadOrError(damaged));
            Assert.True(await Task.WhenAny(reading, Task.Delay(TimeSpan.FromSeconds(10))) == reading, $"reading hung after a flip at byte {offset}");

            if (await reading is { } error)
            {
                Assert.True(offset < 4, $"flip at byte {offset} gave an error instead of warnings: {error.Message}");
                Assert.Equal(0, error.Position.ByteOffset);
                Assert.Contains("blktrace", error.Message);
            }
        }
    }

    [Fact]
    public void A_bad_magic_mid_file_stops_that_file_with_a_warning_naming_the_offset()
    {
        var damaged = (byte[])Original.Clone();
        var third = HeaderStarts[2];
        damaged[third + 3] = 0x12;

        var (records, warnings) = ReadAll(damaged);

        Assert.Equal(Intact.Select(r => r.Position.ByteOffset).Where(o => o < third), records.Select(r => r.Position.ByteOffset));
        var warning = Assert.Single(warnings);
        Assert.Equal(CapturePosition.AtOffset("cpu.1", third), warning.Position);
        Assert.Contains("bad magic 0x12617407, expected 0x656174xx", warning.Message);
        Assert.Contains("stopped reading this CPU file", warning.Message);
    }

    [Fact]
    public void An_unsupported_version_at_the_start_is_an_error_naming_file_offset_and_version()
    {
        var damaged = (byte[])Original.Clone();
        damaged[0] = 0x06;

        var error = Assert.Throws<CaptureFormatException>(() => ReadAll(damaged));

        Assert.Equal(CapturePosition.AtOffset("cpu.1", 0), error.Position);
        Assert.Equal("cpu.1@0: blktrace version 6 is not supported (this reader reads version 7)", error.Message);
    }

    private static CaptureFormatException? ReadOrError(byte[] file)
    {
        try
        {
            ReadAll(file);
            return null;
        }
        catch (CaptureFormatException error)
        {
            return error;
        }
    }

    private static (IReadOnlyList<BlktraceRecord> Records, IReadOnlyList<CaptureWarning> Warnings) ReadAll(byte[] file)
    {
        using var capture = BlktraceReader.Read([new BlktraceCpuInput("cpu.1", 1, new MemoryStream(file))]);
        return (capture.Records.ToList(), capture.Warnings);
    }

    /// <summary>The offset of every record header, notes included, walked independently of the reader.</summary>
    private static List<long> HeaderOffsets(byte[] file)
    {
        var starts = new List<long>();
        for (var offset = 0; offset + HeaderSize <= file.Length; offset += HeaderSize + BitConverter.ToUInt16(file, offset + 46))
            starts.Add(offset);
        return starts;
    }
}
