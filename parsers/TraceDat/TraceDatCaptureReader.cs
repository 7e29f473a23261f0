using Swiotlb.Trace.Capture;
using Swiotlb.Trace.Events;

namespace Swiotlb.Trace.TraceDat;

/// <summary>A trace.dat behind the same interface as the other capture readers: its metadata, lost events and warnings in the common tables.</summary>
public sealed class TraceDatCaptureReader : ICaptureReader
{
    private readonly Stream _stream;
    private readonly TraceDatReader _reader;
    private readonly SingleUse _singleUse = new();

    private TraceDatCaptureReader(Stream stream, TraceDatReader reader, string fileName)
    {
        _stream = stream;
        _reader = reader;
        var described = reader.Metadata;
        Metadata = new CaptureMetadata(fileName, CaptureFormat.TraceDat)
        {
            KernelRelease = described.KernelRelease,
            DeclaredCpus = described.CpuCount,
            Details = $"trace.dat v{described.Version}, compression {described.Compression}, clock {described.Clock ?? "not recorded"}",
        };
        foreach (var (cpu, lost) in described.LostEventsPerCpu)
            if (lost > 0)
                Statistics.AddLostEvents(cpu, lost);
    }

    public CaptureMetadata Metadata { get; }
    public ReadStatistics Statistics { get; } = new();

    /// <exception cref="CaptureFormatException">The header or metadata cannot be read.</exception>
    public static TraceDatCaptureReader Open(Stream stream, string fileName)
    {
        try
        {
            return new TraceDatCaptureReader(stream, TraceDatReader.Open(stream, fileName), fileName);
        }
        catch (TraceDatFormatException problem)
        {
            throw new CaptureFormatException(CapturePosition.AtOffset(fileName, problem.Offset), $"{problem.Section}: expected {problem.Expected}");
        }
    }

    public IEnumerable<TraceEvent> ReadEvents() => _singleUse.Once(Stream);

    private IEnumerable<TraceEvent> Stream()
    {
        foreach (var traceEvent in _reader.ReadEvents())
        {
            Statistics.EventsRead++;
            yield return traceEvent;
        }
        foreach (var warning in _reader.Warnings)
        {
            Statistics.Truncated = true;
            Statistics.Warn(CapturePosition.AtOffset(Metadata.File, warning.Offset), $"{warning.Section}: {warning.Problem}; lost: {warning.Lost}");
        }
    }

    public void Dispose() => _stream.Dispose();
}
