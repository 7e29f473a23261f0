using Swiotlb.Trace.Blktrace;
using Swiotlb.Trace.Cli.Input;

namespace Swiotlb.Trace.Tests.Blktrace;

public sealed class ByteOrderTests
{
    [Fact]
    public void A_big_endian_copy_of_a_real_capture_reads_the_same()
    {
        var source = SampleCaptures.BlkFolder("smoke-6.1.0");
        using var directory = new TemporaryDirectory();
        foreach (var file in Directory.EnumerateFiles(source))
            directory.File(Path.GetFileName(file), ByteSwappedFile.FromLittleEndian(File.ReadAllBytes(file)));

        using var original = BlktraceCpuFiles.Read(source);
        using var swapped = BlktraceCpuFiles.Read(directory.Path);
        var expected = original.Records.Select(Fields).ToList();
        var actual = swapped.Records.Select(Fields).ToList();

        Assert.Equal(104, expected.Count);
        Assert.Equal(expected, actual);
        Assert.Equal(original.Notes.ProcessNames, swapped.Notes.ProcessNames);
        Assert.NotNull(original.Notes.WallClock);
        Assert.Equal(original.Notes.WallClock, swapped.Notes.WallClock);
        Assert.Empty(swapped.Warnings);
    }

    private static string Fields(BlktraceRecord r) =>
        $"{r.Device} {r.Cpu} {r.Sequence} {r.TimeNs} {r.Sector} {r.Bytes} {r.Action} {r.Pid} {r.Error} {r.ProcessName} {r.PduValue} {Convert.ToHexString(r.Pdu.AsSpan())} {r.Position.ByteOffset}";
}
