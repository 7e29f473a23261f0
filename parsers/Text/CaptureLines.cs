using Swiotlb.Trace.Capture;

namespace Swiotlb.Trace.Text;

/// <summary>
/// The lines of a text capture as its reader sees them: counted in the statistics, positioned for messages, an over-long
/// line turned into a <see cref="CaptureFormatException"/>, and a last line without a newline reported as truncation.
/// </summary>
internal sealed class CaptureLines(Stream stream, string file, ReadStatistics statistics)
{
    private readonly ByteLineReader _lines = new(stream);

    /// <summary>Where the line last read starts.</summary>
    public CapturePosition Position => CapturePosition.AtLine(file, _lines.LineNumber, _lines.LineOffset);

    /// <summary>The next complete line; false at the end of the capture, or at a last line the capture cut short (warned).</summary>
    public bool TryReadLine(out ReadOnlySpan<byte> line)
    {
        if (!TryReadAnyLine(out line))
            return false;
        statistics.LinesRead++;
        if (!_lines.LastLineUnterminated)
            return true;
        statistics.Truncated = true;
        statistics.Warn(Position, "the capture ends inside this line (no newline): ignored as truncated", WarningKinds.Truncated);
        return false;
    }

    private bool TryReadAnyLine(out ReadOnlySpan<byte> line)
    {
        try
        {
            return _lines.TryReadLine(out line);
        }
        catch (LineTooLongException tooLong)
        {
            line = default;
            return CaptureFormatException.Throw<bool>(CapturePosition.AtOffset(file, tooLong.LineOffset),
                $"expected a line of text, found {tooLong.Message} (binary data?)");
        }
    }
}
