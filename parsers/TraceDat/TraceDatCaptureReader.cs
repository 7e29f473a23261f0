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
            Clock = described.Clock,
            Details = $"trace.dat v{described.Version}, compression {described.Compression}, clock {described.Clock ?? "not recorded"}",
        };
        foreach (var (cpu, lost) in described.LostEventsPerCpu)
            if (lost > 0)
                Statistics.AddLostEvents(cpu, lost);
    }

    /// <summary>Events the pages say were missed, per CPU: counted only for CPUs whose CPUSTAT did not already count them.</summary>
    private readonly Dictionary<int, long> _missedInPages = [];

    private void Warn(CaptureWarning warning) => Statistics.Warn(warning);

    public CaptureMetadata Metadata { get; }
    public ReadStatistics Statistics { get; } = new();

    /// <exception cref="CaptureFormatException">The header or metadata cannot be read.</exception>
    public static TraceDatCaptureReader Open(Stream stream, string fileName) =>
        new(stream, TraceDatReader.Open(stream, fileName), fileName);

    /// <summary>The events, decoded on a thread of their own ahead of the caller (<see cref="ReadAhead{T}"/>); warnings
    /// and lost events reach <see cref="Statistics"/> in their place among them.</summary>
    public IEnumerable<TraceEvent> ReadEvents() => _singleUse.Once(() => Counted(ReadAhead<TraceEvent>.Of(Decoded)));

    private IEnumerable<TraceEvent> Counted(IEnumerable<TraceEvent> events)
    {
        foreach (var traceEvent in events)
        {
            Statistics.EventsRead++;
            yield return traceEvent;
        }
    }

    private IEnumerable<TraceEvent> Decoded(ReadAhead<TraceEvent> ahead)
    {
        _reader.Warned = warning => ahead.Defer(() => Warn(warning));
        _reader.MissedEvents = (cpu, lost) => ahead.Defer(() => _missedInPages[cpu] = _missedInPages.GetValueOrDefault(cpu) + lost);
        foreach (var traceEvent in _reader.ReadEvents())
            yield return traceEvent;
        ahead.Defer(() =>
        {
            foreach (var (cpu, lost) in _missedInPages)
                if (!_reader.Metadata.LostEventsPerCpu.ContainsKey(cpu))
                    Statistics.AddLostEvents(cpu, lost);
        });
    }

    public void Dispose() => _stream.Dispose();
}
