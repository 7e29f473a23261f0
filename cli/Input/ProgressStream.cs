using System.Diagnostics;

namespace Swiotlb.Trace.Cli.Input;

/// <summary>A read-only pass-through that shows how far a long read has got, on stderr, only when stderr is a terminal.</summary>
public sealed class ProgressStream(Stream inner, string name, TextWriter progress) : Stream
{
    private const long MinimumSizeForProgress = 64L << 20;
    private static readonly TimeSpan Interval = TimeSpan.FromSeconds(1);
    private readonly Stopwatch _sinceLastReport = Stopwatch.StartNew();

    public static Stream WrapIfInteractive(Stream stream, string name, TextWriter progress) =>
        !Console.IsErrorRedirected && stream.CanSeek && stream.Length >= MinimumSizeForProgress
            ? new ProgressStream(stream, name, progress)
            : stream;

    public override int Read(byte[] buffer, int offset, int count) => Report(inner.Read(buffer, offset, count));

    public override int Read(Span<byte> buffer) => Report(inner.Read(buffer));

    private int Report(int read)
    {
        if (_sinceLastReport.Elapsed >= Interval || read == 0)
        {
            _sinceLastReport.Restart();
            var percent = inner.Length == 0 ? 100 : inner.Position * 100 / inner.Length;
            progress.Write(read == 0 ? $"\r{name}: done{new string(' ', 20)}\r" : $"\r{name}: {percent}% ({inner.Position >> 20} MiB)");
        }
        return read;
    }

    public override bool CanRead => true;
    public override bool CanSeek => inner.CanSeek;
    public override bool CanWrite => false;
    public override long Length => inner.Length;
    public override long Position { get => inner.Position; set => inner.Position = value; }
    public override void Flush() { }
    public override long Seek(long offset, SeekOrigin origin) => inner.Seek(offset, origin);
    public override void SetLength(long value) => throw new NotSupportedException();
    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
            inner.Dispose();
        base.Dispose(disposing);
    }
}
