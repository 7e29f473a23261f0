using System.Buffers.Binary;
using Swiotlb.Trace.Text;

namespace Swiotlb.Trace.Capture;

/// <summary>Tells a capture's format from its first bytes, never from its file name.</summary>
public static class CaptureFormatDetector
{
    /// <summary>How many leading bytes <see cref="Detect"/> wants to see.</summary>
    public const int HeadLength = 64 * 1024;

    private const int LinesToSample = 400;
    private static ReadOnlySpan<byte> TraceDatMagic => [0x17, 0x08, 0x44, (byte)'t', (byte)'r', (byte)'a', (byte)'c', (byte)'i', (byte)'n', (byte)'g'];
    private const uint BlktraceMagic = 0x65617400;

    /// <exception cref="CaptureFormatException">The bytes are none of the formats swiotrace reads.</exception>
    public static CaptureFormat Detect(ReadOnlySpan<byte> head, string fileName)
    {
        if (head.IsEmpty)
            CaptureFormatException.Throw(CapturePosition.AtOffset(fileName, 0), "expected a capture, found an empty file");
        if (head.StartsWith(TraceDatMagic))
            return CaptureFormat.TraceDat;
        if (head.Length >= 4 && IsBlktraceMagic(head))
            return CaptureFormat.Blktrace;
        var nul = head.IndexOf((byte)0);
        if (nul >= 0)
            CaptureFormatException.Throw(CapturePosition.AtOffset(fileName, nul),
                "expected trace text, trace.dat (magic 17 08 44 'tracing') or blktrace (magic 0x654174xx), found binary data");
        return DetectText(head, fileName);
    }

    private static bool IsBlktraceMagic(ReadOnlySpan<byte> head) =>
        (BinaryPrimitives.ReadUInt32LittleEndian(head) & 0xffffff00) == BlktraceMagic
        || (BinaryPrimitives.ReadUInt32BigEndian(head) & 0xffffff00) == BlktraceMagic;

    private static CaptureFormat DetectText(ReadOnlySpan<byte> head, string fileName)
    {
        var sawPrintkLine = false;
        var lineNumber = 0;
        var firstContentLine = 0;
        foreach (var range in head.Split((byte)'\n'))
        {
            if (++lineNumber > LinesToSample)
                break;
            var line = head[range].TrimEnd((byte)'\r');
            var trimmed = line.TrimSpaces();
            if (trimmed.IsEmpty)
                continue;
            if (firstContentLine == 0)
                firstContentLine = lineNumber;
            if (trimmed.StartsWith("# tracer:"u8))
                return CaptureFormat.FtraceText;
            if (trimmed.StartsWith("cpus="u8) || trimmed.StartsWith("version = "u8))
                return CaptureFormat.TraceCmdReport;
            if (ConsoleLine.TryStripPrintkPrefix(line, out var message))
            {
                sawPrintkLine = true;
                if (LatencyLineParser.TryParse(message, out _, out _))
                    return CaptureFormat.ConsoleDump;
                continue;
            }
            if (FtraceLineParser.TryParse(line, out _, out _))
                return CaptureFormat.FtraceText;
            if (LooksLikePerfScript(trimmed))
                return CaptureFormat.PerfScript;
        }
        if (sawPrintkLine)
            return CaptureFormat.ConsoleDump;
        return CaptureFormatException.Throw<CaptureFormat>(CapturePosition.AtLine(fileName, Math.Max(firstContentLine, 1), 0),
            "expected ftrace text ('COMM-PID [CPU] … TIMESTAMP: EVENT: …'), trace-cmd report, a console log, trace.dat or blktrace");
    }

    /// <summary><c>COMM PID [CPU] TIME: system:event: …</c> — perf names events with their system.</summary>
    private static bool LooksLikePerfScript(ReadOnlySpan<byte> line)
    {
        var close = line.IndexOf("] "u8);
        if (close < 0)
            return false;
        var rest = line[(close + 2)..].TrimStart((byte)' ');
        var timeEnd = rest.IndexOf(": "u8);
        if (timeEnd < 0)
            return false;
        var eventName = rest[(timeEnd + 2)..];
        var end = eventName.IndexOf((byte)' ');
        eventName = end < 0 ? eventName : eventName[..end];
        return eventName.Count((byte)':') == 2 && eventName[^1] == (byte)':';
    }
}
