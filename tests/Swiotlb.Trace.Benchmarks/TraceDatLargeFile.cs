using System.Diagnostics;
using Swiotlb.Trace.Tests.TraceDat.Writing;
using Swiotlb.Trace.TraceDat;

namespace Swiotlb.Trace.Benchmarks;

/// <summary>
/// The large-file benchmark: writes a trace.dat of a given size with the test writer, and reads one with
/// <see cref="TraceDatReader"/> as a whole process, to time beside <c>trace-cmd report</c> under <c>/usr/bin/time -v</c>.
/// </summary>
internal static class TraceDatLargeFile
{
    private const int Cpus = 2;
    private const double AverageEventBytes = 62;

    public static int Write(string path, double gibibytes)
    {
        var eventsPerCpu = (long)(gibibytes * (1L << 30) / AverageEventBytes / Cpus);
        using var file = File.Create(path);
        TraceDatWriter.Write(file, TraceDatFileKind.V7, SyntheticEvents.PerCpu(Cpus, eventsPerCpu), SyntheticEvents.TaskNames);
        Console.WriteLine($"{path}: {file.Length:N0} bytes, {eventsPerCpu * Cpus:N0} events");
        return 0;
    }

    public static int Read(string path)
    {
        var clock = Stopwatch.StartNew();
        using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16);
        var reader = TraceDatReader.Open(file, path);
        long events = 0, lastTimestamp = 0;
        foreach (var e in reader.ReadEvents())
        {
            events++;
            lastTimestamp = e.Header.TimestampNs;
        }

        Console.WriteLine($"{events:N0} events, last at {lastTimestamp} ns, {reader.Warnings.Count} warnings, {clock.Elapsed.TotalSeconds:F1} s");
        return 0;
    }
}
