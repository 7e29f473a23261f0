using System.Text;
using Swiotlb.Trace.Capture;
using Swiotlb.Trace.Events;

namespace Swiotlb.Trace.Text;

/// <summary>
/// Streams the text renderings of ftrace: the kernel's <c>trace</c> and <c>trace_pipe</c>, <c>trace-cmd report</c>,
/// and ftrace dumps inside a console log. A malformed line is counted and warned about, never fatal.
/// </summary>
public sealed class FtraceTextReader : ICaptureReader
{
    private readonly Stream _stream;
    private readonly CaptureLines _lines;
    private readonly EventLineDecoder _decoder;
    private readonly SingleUse _singleUse = new();
    private bool _insideDump;

    public FtraceTextReader(Stream stream, string fileName, CaptureFormat format)
    {
        if (format is not (CaptureFormat.FtraceText or CaptureFormat.TraceCmdReport or CaptureFormat.ConsoleDump))
            throw new ArgumentOutOfRangeException(nameof(format), format, "not a text ftrace format");
        _stream = stream;
        _lines = new CaptureLines(stream, fileName, Statistics);
        _decoder = new EventLineDecoder(Statistics);
        Metadata = new CaptureMetadata(fileName, format);
    }

    public CaptureMetadata Metadata { get; }
    public ReadStatistics Statistics { get; } = new();

    public IEnumerable<TraceEvent> ReadEvents() => _singleUse.Once(Stream);

    private IEnumerable<TraceEvent> Stream()
    {
        while (ReadNext() is { } next)
            yield return next;
        if (Metadata.Format == CaptureFormat.ConsoleDump && Statistics.EventsRead == 0)
            Statistics.Warn(Position(), "no ftrace dump found in this console log");
    }

    private TraceEvent? ReadNext()
    {
        while (_lines.TryReadLine(out var line))
        {
            var decoded = Metadata.Format == CaptureFormat.ConsoleDump ? ParseConsoleLine(line) : ParseTraceLine(line);
            if (decoded is null)
                continue;
            Statistics.EventsRead++;
            return decoded;
        }
        return null;
    }

    private TraceEvent? ParseTraceLine(ReadOnlySpan<byte> line)
    {
        var trimmed = line.TrimSpaces();
        if (trimmed.IsEmpty || trimmed.StartsWith("##### CPU"u8))
            return null;
        if (trimmed.StartsWith("#"u8))
        {
            ReadHeaderComment(trimmed);
            return null;
        }
        if (ConsoleMarkers.TryLostEvents(trimmed, out var lostCpu, out var lost))
        {
            Statistics.AddLostEvents(lostCpu, lost);
            return null;
        }
        if (TryReadReportHeader(trimmed))
            return null;
        if (!FtraceLineParser.TryParse(line, out var parsed, out var expected))
        {
            Statistics.Malformed(Position(), expected);
            return null;
        }
        return Decode(parsed);
    }

    private TraceEvent? ParseConsoleLine(ReadOnlySpan<byte> line)
    {
        var message = ConsoleLine.TryStripPrintkPrefix(line, out var stripped) ? stripped : line;
        if (ConsoleMarkers.TryDroppedMessages(message, out var dropped))
        {
            Statistics.DroppedConsoleMessages += dropped;
            Statistics.Warn(Position(), $"the console dropped {dropped} printk messages here; the dump before this point is lost", WarningKinds.ConsoleDropped);
            return null;
        }
        if (ConsoleMarkers.TryPanicReason(message, out var reason))
        {
            Metadata.Panic = new PanicReport(reason, Metadata.Panic?.Cpu);
            return null;
        }
        if (ConsoleMarkers.TryOopsCpu(message, out var cpu))
        {
            Metadata.Panic = new PanicReport(Metadata.Panic?.Reason ?? "", cpu);
            return null;
        }
        if (ConsoleMarkers.TryLostEvents(message, out var lostCpu, out var lost))
        {
            Statistics.AddLostEvents(lostCpu, lost);
            return null;
        }
        TryReadKernelRelease(message);
        if (!LatencyLineParser.TryParse(message, out var parsed, out _))
        {
            CountUnparsedConsoleLine(message);
            return null;
        }
        _insideDump = true;
        return Decode(parsed);
    }

    /// <summary>Outside a dump a line is console text; inside one (from its first event to the <c>-----</c> line that ends
    /// it) a line that is not an event is a broken dump line, and counted as malformed.</summary>
    private void CountUnparsedConsoleLine(ReadOnlySpan<byte> message)
    {
        var trimmed = message.TrimSpaces();
        if (_insideDump && trimmed.Length > 0 && trimmed.IndexOfAnyExcept((byte)'-') < 0)
            _insideDump = false;
        else if (_insideDump)
            Statistics.Malformed(Position(), "a dump line 'COMM-PID CPU FLAGS TIMEus : EVENT: …' inside the ftrace dump");
        else
            Statistics.ConsoleLinesSkipped++;
    }

    private TraceEvent? Decode(in RawEventLine parsed)
    {
        if (parsed.RawCounter)
            Metadata.RawClock = true;
        return _decoder.Decode(parsed, Position());
    }

    /// <summary>Reads <c>#P:N</c> from the kernel's header (<c># entries-in-buffer/entries-written: 324/324   #P:2</c>).</summary>
    private void ReadHeaderComment(ReadOnlySpan<byte> comment)
    {
        var at = comment.IndexOf("#P:"u8);
        if (at > 0 && SpanText.TryParseInt(comment[(at + 3)..].TrimSpaces(), out var cpus))
            Metadata.DeclaredCpus = cpus;
    }

    /// <summary>trace-cmd report's own header lines: <c>cpus=2</c>, <c>version = 7</c>, <c>CPU 1 is empty</c>.</summary>
    private bool TryReadReportHeader(ReadOnlySpan<byte> line)
    {
        if (line.StartsWith("cpus="u8))
        {
            if (SpanText.TryParseInt(line[5..], out var cpus))
                Metadata.DeclaredCpus = cpus;
            return true;
        }
        return line.StartsWith("version = "u8) || (line.StartsWith("CPU "u8) && line.EndsWith(" is empty"u8));
    }

    private void TryReadKernelRelease(ReadOnlySpan<byte> message)
    {
        if (Metadata.KernelRelease is not null || !message.StartsWith("Linux version "u8))
            return;
        var release = message[14..];
        var end = release.IndexOf((byte)' ');
        Metadata.KernelRelease = Encoding.UTF8.GetString(end < 0 ? release : release[..end]);
    }

    private CapturePosition Position() => _lines.Position;

    public void Dispose() => _stream.Dispose();
}
