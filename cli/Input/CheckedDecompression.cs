using Swiotlb.Trace.Capture;

namespace Swiotlb.Trace.Cli.Input;

/// <summary>A decompressor's output whose failures (each library throws its own exception) become one input error.</summary>
internal sealed class CheckedDecompression(Stream decoder, string compression, string name) : Stream
{
    private long _position;

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        try
        {
            var read = decoder.Read(buffer);
            _position += read;
            return read;
        }
        catch (Exception corrupt) when (corrupt is not CaptureFormatException and not OutOfMemoryException)
        {
            throw new CaptureFormatException(CapturePosition.AtOffset(name, _position),
                $"expected {compression} data, found data it cannot decompress after {_position} decompressed bytes ({corrupt.Message.ReplaceLineEndings(" ")})");
        }
    }

    public override bool CanRead => true;
    public override bool CanSeek => false;
    public override bool CanWrite => false;
    public override long Length => throw new NotSupportedException();
    public override long Position { get => _position; set => throw new NotSupportedException(); }
    public override void Flush() { }
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();
    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
            decoder.Dispose();
        base.Dispose(disposing);
    }
}
