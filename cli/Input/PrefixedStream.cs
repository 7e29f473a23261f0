namespace Swiotlb.Trace.Cli.Input;

/// <summary>A forward-only stream that gives back the head already read from a pipe, then the rest of the pipe.</summary>
public sealed class PrefixedStream(byte[] head, int headLength, Stream rest) : Stream
{
    private int _headPosition;

    /// <summary>Reads up to <paramref name="length"/> bytes of <paramref name="stream"/> (fewer only at its end).</summary>
    public static (byte[] Head, int Length) ReadHead(Stream stream, int length)
    {
        var head = new byte[length];
        var read = stream.ReadAtLeast(head, length, throwOnEndOfStream: false);
        return (head, read);
    }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        if (_headPosition >= headLength)
            return rest.Read(buffer);
        var take = Math.Min(buffer.Length, headLength - _headPosition);
        head.AsSpan(_headPosition, take).CopyTo(buffer);
        _headPosition += take;
        return take;
    }

    public override bool CanRead => true;
    public override bool CanSeek => false;
    public override bool CanWrite => false;
    public override long Length => throw new NotSupportedException();
    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
    public override void Flush() { }
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();
    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
            rest.Dispose();
        base.Dispose(disposing);
    }
}
