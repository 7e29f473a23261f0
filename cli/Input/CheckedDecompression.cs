using Swiotlb.Trace.Capture;

namespace Swiotlb.Trace.Cli.Input;

/// <summary>A decompressor's output whose failures (each library throws its own exception) become one input error.</summary>
internal sealed class CheckedDecompression(Stream decoder, string compression, string name) : ForwardReadStream(decoder)
{
    private long _position;

    public override int Read(Span<byte> buffer)
    {
        try
        {
            var read = Inner.Read(buffer);
            _position += read;
            return read;
        }
        catch (Exception corrupt) when (corrupt is not CaptureFormatException and not OutOfMemoryException)
        {
            return CaptureFormatException.Throw<int>(CapturePosition.AtOffset(name, _position),
                $"expected {compression} data, found data it cannot decompress after {_position} decompressed bytes ({corrupt.Message.ReplaceLineEndings(" ")})");
        }
    }

    public override long Position { get => _position; set => throw new NotSupportedException(); }
}
