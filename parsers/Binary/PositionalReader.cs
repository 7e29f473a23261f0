using Microsoft.Win32.SafeHandles;

namespace Swiotlb.Trace.Binary;

/// <summary>
/// Reads a seekable stream at given offsets without a shared position, so that several readers (one per CPU's data, on
/// several threads) read one file: <c>pread</c> on a file, one lock around seek and read on any other stream. The length
/// is read once, when the reader is made.
/// </summary>
internal sealed class PositionalReader
{
    private readonly Stream _stream;
    private readonly SafeFileHandle? _handle;

    public PositionalReader(Stream stream)
    {
        _stream = stream;
        Length = stream.Length;
        _handle = stream is FileStream file ? file.SafeFileHandle : null;
    }

    public long Length { get; }

    /// <summary>Fills <paramref name="destination"/> from <paramref name="offset"/>; returns fewer bytes only at the end of the data.</summary>
    public int ReadAt(long offset, Span<byte> destination)
    {
        if (_handle is null)
        {
            lock (_stream)
            {
                _stream.Position = offset;
                return _stream.ReadAtLeast(destination, destination.Length, throwOnEndOfStream: false);
            }
        }

        var total = 0;
        while (total < destination.Length)
        {
            var read = RandomAccess.Read(_handle, destination[total..], offset + total);
            if (read == 0)
                break;
            total += read;
        }

        return total;
    }
}
