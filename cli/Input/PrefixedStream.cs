namespace Swiotlb.Trace.Cli.Input;

/// <summary>A forward-only stream that gives back the head already read from a pipe, then the rest of the pipe.</summary>
public sealed class PrefixedStream(byte[] head, int headLength, Stream rest) : ForwardReadStream(rest)
{
    private int _headPosition;

    /// <summary>Reads up to <paramref name="length"/> bytes of <paramref name="stream"/> (fewer only at its end).</summary>
    public static (byte[] Head, int Length) ReadHead(Stream stream, int length)
    {
        var head = new byte[length];
        var read = stream.ReadAtLeast(head, length, throwOnEndOfStream: false);
        return (head, read);
    }

    public override int Read(Span<byte> buffer)
    {
        if (_headPosition >= headLength)
            return Inner.Read(buffer);
        var take = Math.Min(buffer.Length, headLength - _headPosition);
        head.AsSpan(_headPosition, take).CopyTo(buffer);
        _headPosition += take;
        return take;
    }
}
