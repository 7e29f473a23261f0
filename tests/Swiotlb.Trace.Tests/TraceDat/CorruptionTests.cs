using Swiotlb.Trace.Capture;
using Swiotlb.Trace.Events;
using Swiotlb.Trace.Tests.TraceDat.Writing;
using Swiotlb.Trace.TraceDat;

namespace Swiotlb.Trace.Tests.TraceDat;

/// <summary>
/// A fuzzer-like generator of damaged files (truncations at every offset step, single-byte flips): the reader
/// never crashes or hangs; it either reads with warnings or throws <see cref="CaptureFormatException"/>.
/// </summary>
public sealed class CorruptionTests
{
    private const int EventsPerCpu = 300;
    private static readonly TimeSpan PerFileLimit = TimeSpan.FromSeconds(10);

    public static TheoryData<TraceDatFileKind> Kinds() => [.. Enum.GetValues<TraceDatFileKind>()];

    [Theory]
    [MemberData(nameof(Kinds))]
    public void Every_truncation_reads_events_before_the_cut_or_fails_clearly(TraceDatFileKind kind)
    {
        var original = TraceDatWriterRoundTripTests.Write(kind, EventsPerCpu).ToArray();
        var complete = Read(original).Events!.Count;
        for (var length = 0; length < original.Length; length += Math.Max(1, length < 4096 ? 7 : 97))
        {
            var outcome = Read(original.AsSpan(0, length).ToArray());
            if (outcome.Events is { } events)
            {
                Assert.True(events.Count < complete || outcome.Warnings.Count > 0 || length >= original.Length - 4096,
                    $"cut at {length}: {events.Count} of {complete} events and no warning");
            }
        }
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public void Every_byte_flip_reads_or_fails_clearly(TraceDatFileKind kind)
    {
        var original = TraceDatWriterRoundTripTests.Write(kind, EventsPerCpu).ToArray();
        var random = new Random(5);
        for (var i = 0; i < 1500; i++)
        {
            var damaged = (byte[])original.Clone();
            var at = i < 600 ? i : random.Next(damaged.Length);
            damaged[at] ^= (byte)random.Next(1, 256);
            Read(damaged);
        }
    }

    [Fact]
    public void A_cut_inside_the_second_cpu_keeps_the_first_cpu_and_says_where_and_what_was_lost()
    {
        var original = TraceDatWriterRoundTripTests.Write(TraceDatFileKind.V6, EventsPerCpu).ToArray();
        var cpuOneStart = SecondCpuOffset(original);
        var cut = original.AsSpan(0, (int)cpuOneStart + 4096 + 100).ToArray();

        var outcome = Read(cut);

        Assert.NotNull(outcome.Events);
        Assert.Equal(EventsPerCpu, outcome.Events.Count(e => e.Header.Cpu == 0));
        Assert.InRange(outcome.Events.Count(e => e.Header.Cpu == 1), 1, EventsPerCpu - 1);
        var warning = Assert.Single(outcome.Warnings, w => w.Message.StartsWith("flyrecord buffer \"\" CPU 1:", StringComparison.Ordinal));
        Assert.Equal(cpuOneStart + 4096, warning.Position.ByteOffset);
        Assert.Contains("; lost: ", warning.Message);
        Assert.Contains("CPU 1", warning.Message[warning.Message.IndexOf("; lost: ", StringComparison.Ordinal)..]);
        Assert.Contains(outcome.Warnings, w => w.Message.StartsWith("flyrecord buffer \"\" CPU 2:", StringComparison.Ordinal));
    }

    [Fact]
    public void A_file_that_is_not_trace_dat_names_the_file_the_offset_and_what_was_expected()
    {
        var error = Assert.Throws<CaptureFormatException>(() => TraceDatReader.Open(new MemoryStream("# tracer: nop\n"u8.ToArray()), "trace.txt"));

        Assert.Equal(CapturePosition.AtOffset("trace.txt", 0), error.Position);
        Assert.StartsWith("trace.txt@0: file header: expected ", error.Message);
        Assert.Contains("tracing", error.Problem);
    }

    /// <summary>Where CPU 1's pages start: the second entry of the v6 flyrecord table (offset, size per CPU).</summary>
    private static long SecondCpuOffset(byte[] file)
    {
        var table = file.AsSpan().IndexOf("flyrecord\0"u8) + 10;
        return BitConverter.ToInt64(file, table + 16);
    }

    private sealed record Outcome(List<TraceEvent>? Events, IReadOnlyList<CaptureWarning> Warnings);

    /// <summary>Reads a damaged file, failing the test on a crash (any exception but the format one) or a hang.</summary>
    private static Outcome Read(byte[] file)
    {
        var task = Task.Run(() =>
        {
            try
            {
                var reader = TraceDatReader.Open(new MemoryStream(file), "damaged.dat");
                var events = reader.ReadEvents().ToList();
                Assert.All(reader.Warnings, w => Assert.Matches(": .+; lost: .+", w.Message));
                return new Outcome(events, reader.Warnings);
            }
            catch (CaptureFormatException e)
            {
                Assert.InRange(e.Position.ByteOffset, 0, file.Length);
                Assert.Contains(": expected ", e.Problem);
                return new Outcome(null, []);
            }
        });
        Assert.True(task.Wait(PerFileLimit), $"reading a damaged {file.Length}-byte file took longer than {PerFileLimit}");
        return task.Result;
    }
}
