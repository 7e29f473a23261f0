namespace Swiotlb.Trace.Text;

/// <summary>
/// Splits a stream into lines without decoding it: each line is a slice of one reused buffer, valid until the next read.
/// Memory is one buffer of the longest line seen, never the stream's size.
/// </summary>
public sealed class ByteLineReader(Stream stream, int maxLineBytes = ByteLineReader.DefaultMaxLineBytes)
{
    public const int DefaultMaxLineBytes = 4 << 20;

    private byte[] _buffer = new byte[64 * 1024];
    private int _start;
    private int _end;
    private bool _endOfStream;
    private long _consumedBefore;

    /// <summary>1-based number of the line last returned.</summary>
    public long LineNumber { get; private set; }

    /// <summary>Byte offset of the start of the line last returned.</summary>
    public long LineOffset { get; private set; }

    /// <summary>True when the last line returned had no terminating newline (the stream ended inside it).</summary>
    public bool LastLineUnterminated { get; private set; }

    /// <summary>Reads the next line without its <c>\n</c> or <c>\r\n</c>; false at the end of the stream.</summary>
    /// <exception cref="LineTooLongException">A line exceeds the limit: the input is not line-oriented text.</exception>
    public bool TryReadLine(out ReadOnlySpan<byte> line)
    {
        var searchFrom = _start;
        while (true)
        {
            var newline = _buffer.AsSpan(searchFrom, _end - searchFrom).IndexOf((byte)'\n');
            if (newline >= 0)
            {
                var length = searchFrom - _start + newline;
                line = TakeLine(length, length + 1, terminated: true);
                return true;
            }
            if (_endOfStream)
            {
                if (_end == _start)
                {
                    line = default;
                    return false;
                }
                line = TakeLine(_end - _start, _end - _start, terminated: false);
                return true;
            }
            searchFrom = _end;
            var scanned = searchFrom - _start;
            Fill();
            searchFrom = _start + scanned;
        }
    }

    private ReadOnlySpan<byte> TakeLine(int length, int consumed, bool terminated)
    {
        var line = _buffer.AsSpan(_start, length);
        if (line.Length > 0 && line[^1] == (byte)'\r')
            line = line[..^1];
        LineNumber++;
        LineOffset = _consumedBefore + _start;
        LastLineUnterminated = !terminated;
        _start += consumed;
        return line;
    }

    private void Fill()
    {
        if (_start > 0)
        {
            _buffer.AsSpan(_start, _end - _start).CopyTo(_buffer);
            _consumedBefore += _start;
            _end -= _start;
            _start = 0;
        }
        if (_end == _buffer.Length)
        {
            if (_buffer.Length >= maxLineBytes)
                throw new LineTooLongException(_consumedBefore, maxLineBytes);
            Array.Resize(ref _buffer, Math.Min(_buffer.Length * 2, maxLineBytes));
        }
        var read = stream.Read(_buffer, _end, _buffer.Length - _end);
        if (read == 0)
            _endOfStream = true;
        _end += read;
    }
}

/// <summary>A line longer than the reader accepts: the input is binary or not a trace.</summary>
public sealed class LineTooLongException(long lineOffset, int limit)
    : Exception($"no line break within {limit} bytes")
{
    public long LineOffset { get; } = lineOffset;
}
