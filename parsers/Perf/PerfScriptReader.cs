using Swiotlb.Trace.Capture;
using Swiotlb.Trace.Events;
using Swiotlb.Trace.Text;

namespace Swiotlb.Trace.Perf;

/// <summary>
/// Streams the text <c>perf script</c> prints for a <c>perf record</c> of tracepoints and kprobes. The line header is split by
/// <see cref="PerfScriptLineParser"/>; payloads are the kernel's print format, typed by the shared payload decoder.
/// Blank lines and <c>#</c> comments (the <c>--header</c> block) are skipped; any other line that is not an event is a counted warning.
/// </summary>
/// <remarks>
/// TraceEvent's <c>LinuxPerfScriptEventParser</c> is not used to read: it stops silently at the first line whose header it cannot
/// find, throws a <see cref="FormatException"/> with no position on a bad time, yields a cut-short last line as an event, returns the
/// event's system (<c>nvme</c>) as its name, and times in milliseconds as a double. Tests check its header columns against this parser's.
/// </remarks>
public sealed class PerfScriptReader : ICaptureReader
{
    private readonly Stream _stream;
    private readonly CaptureLines _lines;
    private readonly EventLineDecoder _decoder;
    private readonly SingleUse _singleUse = new();

    public PerfScriptReader(Stream stream, string fileName)
    {
        _stream = stream;
        _lines = new CaptureLines(stream, fileName, Statistics);
        _decoder = new EventLineDecoder(Statistics);
        Metadata = new CaptureMetadata(fileName, CaptureFormat.PerfScript) { Clock = "perf" };
    }

    public CaptureMetadata Metadata { get; }
    public ReadStatistics Statistics { get; } = new();

    public IEnumerable<TraceEvent> ReadEvents() => _singleUse.Once(Stream);

    private IEnumerable<TraceEvent> Stream()
    {
        while (ReadNext() is { } next)
            yield return next;
    }

    private TraceEvent? ReadNext()
    {
        while (_lines.TryReadLine(out var line))
        {
            var trimmed = line.TrimSpaces();
            if (trimmed.IsEmpty || trimmed[0] == (byte)'#')
                continue;
            if (!PerfScriptLineParser.TryParse(line, out var parsed, out var expected))
            {
                Statistics.Malformed(_lines.Position, expected);
                continue;
            }
            if (_decoder.Decode(parsed, _lines.Position) is not { } decoded)
                continue;
            Statistics.EventsRead++;
            return decoded;
        }
        return null;
    }

    public void Dispose() => _stream.Dispose();
}
