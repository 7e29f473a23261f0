using System.Text;
using Swiotlb.Trace.Capture;
using Swiotlb.Trace.Events;
using Swiotlb.Trace.Payloads;

namespace Swiotlb.Trace.Text;

/// <summary>Types the split columns of one event line through the shared <see cref="PayloadDecoder"/>; a bad payload is a counted warning.</summary>
internal sealed class EventLineDecoder(ReadStatistics statistics)
{
    private readonly PayloadDecoder _decoder = new();

    /// <summary>The typed event, or null when its payload is malformed (counted and warned at <paramref name="position"/>).</summary>
    public TraceEvent? Decode(in RawEventLine parsed, CapturePosition position)
    {
        var header = new EventHeader(parsed.TimestampNs, parsed.Cpu, parsed.Pid, _decoder.Strings.Get(parsed.Comm));
        var result = _decoder.Decode(header, parsed.Name, parsed.Payload);
        if (result.Event is null)
            statistics.Malformed(position, $"{Encoding.UTF8.GetString(parsed.Name)}: {result.Problem}");
        else if (result.Note is { } note)
            statistics.Warn(position, note);
        return result.Event;
    }
}
