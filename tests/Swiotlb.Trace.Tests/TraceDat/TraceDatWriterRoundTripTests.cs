using Swiotlb.Trace.Events;
using Swiotlb.Trace.TraceDat;
using Swiotlb.Trace.Tests.TraceDat.Writing;

namespace Swiotlb.Trace.Tests.TraceDat;

/// <summary>Files from the test writer read back to the events written, and trace-cmd reads them too.</summary>
public sealed class TraceDatWriterRoundTripTests
{
    private const int Cpus = 3;
    private const int EventsPerCpu = 2_000;

    public static TheoryData<TraceDatFileKind> Kinds() => [TraceDatFileKind.V6, TraceDatFileKind.V7, TraceDatFileKind.V7Zstd];

    /// <summary>Every kind, zlib too: Debian's trace-cmd 3.1.6 is built without zlib, so no real or peer-read zlib file exists here.</summary>
    public static TheoryData<TraceDatFileKind> AllKinds() => [.. Enum.GetValues<TraceDatFileKind>()];

    [Theory]
    [MemberData(nameof(AllKinds))]
    public void Reader_returns_the_written_events_in_time_order(TraceDatFileKind kind)
    {
        var file = Write(kind);
        var reader = TraceDatReader.Open(file, "written.dat");
        var events = reader.ReadEvents().ToList();

        Assert.Empty(reader.Warnings);
        Assert.Equal(Expected(), events);
        Assert.Equal(kind == TraceDatFileKind.V6 ? 6 : 7, reader.Metadata.Version);
        Assert.Equal(BlockCompressor.For(kind) is { } compressor ? $"{compressor.Name} {compressor.Version}" : "none", reader.Metadata.Compression);
        Assert.Equal(Cpus, reader.Metadata.CpuCount);
    }

    [TraceCmdTheory]
    [MemberData(nameof(Kinds))]
    public void Trace_cmd_reads_what_the_writer_writes(TraceDatFileKind kind)
    {
        var path = Path.Combine(Path.GetTempPath(), $"swiotrace-written-{kind}-{Environment.ProcessId}.dat");
        try
        {
            using (var output = File.Create(path))
            {
                Write(kind).CopyTo(output);
            }

            var report = TraceCmd.Report(path);
            var expected = Expected();
            Assert.Equal(expected.Count, report.Count);
            Assert.Equal(expected.Select(e => (e.Header.TimestampNs, e.Header.Cpu, e.Header.Pid, e.Name)), report.Select(r => (r.TimestampNs, r.Cpu, r.Pid, r.Name)));
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Theory]
    [InlineData((byte)0x04)]
    [InlineData((byte)0x05)]
    [InlineData((byte)0x0c)]
    public void Nvme_commands_with_a_block_range_keep_it_as_in_text_captures(byte opcode)
    {
        var written = new NvmeSetupCmd(new EventHeader(5_000_000_000, 0, 101, "fio"), "nvme0n1", 0, 1, 7, opcode, 1, new NvmeBlockRange(0x180, 8));
        var file = new MemoryStream();
        TraceDatWriter.Write(file, TraceDatFileKind.V7, [[written]], SyntheticEvents.TaskNames);
        file.Position = 0;

        var read = Assert.IsType<NvmeSetupCmd>(Assert.Single(TraceDatReader.Open(file, "written.dat").ReadEvents()));

        Assert.Equal(written.Range, read.Range);
    }

    internal static MemoryStream Write(TraceDatFileKind kind, int eventsPerCpu = EventsPerCpu)
    {
        var file = new MemoryStream();
        TraceDatWriter.Write(file, kind, SyntheticEvents.PerCpu(Cpus, eventsPerCpu), SyntheticEvents.TaskNames);
        file.Position = 0;
        return file;
    }

    /// <summary>All CPUs' events merged by timestamp, ties to the lower CPU.</summary>
    private static List<TraceEvent> Expected() =>
        SyntheticEvents.PerCpu(Cpus, EventsPerCpu).SelectMany(e => e).OrderBy(e => e.Header.TimestampNs).ThenBy(e => e.Header.Cpu).ToList();
}
