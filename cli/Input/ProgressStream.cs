using System.Diagnostics;

namespace Swiotlb.Trace.Cli.Input;

/// <summary>A read-only pass-through that shows how far a long read has got — share read, rate and time left — on stderr,
/// only when stderr is a terminal and only once the read has taken more than <see cref="QuietFor"/>: short runs print
/// nothing, and nothing is printed when piped.</summary>
public sealed class ProgressStream(Stream inner, string name, TextWriter progress) : Stream
{
    /// <summary>A read this short shows no progress at all.</summary>
    public static readonly TimeSpan QuietFor = TimeSpan.FromSeconds(1.5);

    private static readonly TimeSpan Interval = TimeSpan.FromSeconds(1);
    private readonly Stopwatch _sinceStart = Stopwatch.StartNew();
    private readonly Stopwatch _sinceLastReport = Stopwatch.StartNew();
    private bool _shown;

    public static Stream WrapIfInteractive(Stream stream, string name, TextWriter progress) =>
        !Console.IsErrorRedirected && stream.CanSeek ? new ProgressStream(stream, name, progress) : stream;

    public override int Read(byte[] buffer, int offset, int count) => Report(inner.Read(buffer, offset, count));

    public override int Read(Span<byte> buffer) => Report(inner.Read(buffer));

    private int Report(int read)
    {
        if (read == 0)
        {
            if (_shown)
                progress.Write($"\r{new string(' ', 72)}\r");
            _shown = false;
            return read;
        }
        if (_sinceStart.Elapsed >= QuietFor && _sinceLastReport.Elapsed >= Interval)
        {
            _sinceLastReport.Restart();
            _shown = true;
            progress.Write($"\r{Line(inner.Position, inner.Length, _sinceStart.Elapsed)}");
        }
        return read;
    }

    /// <summary><c>NAME: 42% of 1.2 GiB, 180 MiB/s, 4 s left</c>.</summary>
    public string Line(long position, long length, TimeSpan elapsed)
    {
        var rate = position / Math.Max(elapsed.TotalSeconds, 1e-3);
        var left = rate > 0 ? TimeSpan.FromSeconds((length - position) / rate) : TimeSpan.Zero;
        var percent = length == 0 ? 100 : position * 100 / length;
        return $"{name}: {percent}% of {length >> 20} MiB, {rate / (1 << 20):0} MiB/s, {left.TotalSeconds:0} s left ";
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
