using Swiotlb.Trace.Binary;
using Swiotlb.Trace.Compression;
using Swiotlb.Trace.TraceDat.Metadata;

namespace Swiotlb.Trace.TraceDat.Ring;

/// <summary>
/// Pages of a compressed v7 buffer: <c>u32 chunk count</c>, then chunks <c>u32 csize, u32 usize, data</c>, each holding
/// whole pages. While the pages of one chunk are read, the next is read from the file and decompressed on the thread
/// pool (every CPU's source does so at once, so the CPUs' data decompresses in parallel, and the reading thread neither
/// waits for the disk nor decompresses); a chunk larger than half the CPU's share of memory is read ahead but
/// decompressed only when it is reached. A problem with the next chunk is raised when the reader reaches it, as if it
/// had been read then.
/// </summary>
/// <param name="maxChunkSize">The most one decompressed chunk may hold (<see cref="RingMemoryBudget.PerCpu"/>).</param>
internal sealed class CompressedPageSource(PositionalReader file, CpuDataRegion region, int pageSize, IBlockDecompressor decompressor, string codecName,
    ByteOrder order, long maxChunkSize) : IPageSource
{
    private readonly byte[] _header = new byte[8];
    private byte[] _compressed = [];
    private byte[] _spare = [];
    private long _next = region.Offset;
    private uint? _chunksLeft;
    private Task<Chunk?>? _coming;
    private Chunk? _current;
    private int _pageInChunk;

    /// <summary>A chunk's pages; <see cref="Decompressed"/> is false for a large chunk read ahead, whose compressed
    /// bytes wait in <see cref="_compressed"/>.</summary>
    private sealed record Chunk(byte[] Data, int Length, int CompressedLength, long FileOffset, bool Decompressed);

    public bool TryNextPage(out ArraySegment<byte> page, out long fileOffset)
    {
        while (_current is null || _pageInChunk >= _current.Length)
        {
            if (!TryTakeChunk())
            {
                page = default;
                fileOffset = _next;
                return false;
            }
        }

        var length = Math.Min(pageSize, _current.Length - _pageInChunk);
        page = new ArraySegment<byte>(_current.Data, _pageInChunk, length);
        fileOffset = _current.FileOffset;
        _pageInChunk += length;
        return true;
    }

    private bool TryTakeChunk()
    {
        var chunk = _coming is { } coming ? coming.GetAwaiter().GetResult() : ReadChunk(ahead: false);
        _coming = null;
        if (chunk is null)
            return false;
        if (!chunk.Decompressed)
            chunk = Decompress(chunk);
        if (_current is not null)
            _spare = _current.Data;
        _current = chunk;
        _pageInChunk = 0;
        _coming = Task.Run(() => ReadChunk(ahead: true));
        return true;
    }

    /// <summary>Reads the next chunk's header and compressed bytes and, unless it is a large chunk read ahead,
    /// decompresses it; null at the end of the data.</summary>
    /// <exception cref="RingDataException">The chunk is damaged or the file ends inside it.</exception>
    private Chunk? ReadChunk(bool ahead)
    {
        if (region.Size == 0)
            return null;
        _chunksLeft ??= order.UInt32(ReadAt(_header.AsSpan(0, 4), "a chunk count"));
        if (_chunksLeft == 0)
            return null;

        var chunkOffset = _next;
        ReadAt(_header, "a chunk header");
        var compressedSize = order.UInt32(_header);
        var size = order.UInt32(_header.AsSpan(4));
        var fileLeft = file.Length - _next;
        if (compressedSize > fileLeft)
            throw new RingDataException(chunkOffset, $"a chunk of at most the {fileLeft} bytes left in the file, found {compressedSize} compressed bytes");
        var limit = Math.Min(maxChunkSize, DecompressionLimit.For(compressedSize));
        if (size > limit)
            throw new RingDataException(chunkOffset, $"a chunk decompressing to at most {limit} bytes ({compressedSize} compressed, this CPU's share of the reader's memory), found {size}");

        EnsureCapacity(ref _compressed, (int)compressedSize);
        ReadAt(_compressed.AsSpan(0, (int)compressedSize), "compressed chunk data");
        _chunksLeft--;
        var later = ahead && size > maxChunkSize / 2;
        var data = later ? [] : _spare.Length >= size ? _spare : new byte[size];
        if (!later)
            _spare = [];
        var chunk = new Chunk(data, (int)size, (int)compressedSize, chunkOffset, Decompressed: false);
        return later ? chunk : Decompress(chunk);
    }

    private Chunk Decompress(Chunk chunk)
    {
        var data = chunk.Data.Length >= chunk.Length ? chunk.Data : _spare.Length >= chunk.Length ? _spare : new byte[chunk.Length];
        if (!decompressor.TryDecompress(_compressed.AsSpan(0, chunk.CompressedLength), data.AsSpan(0, chunk.Length)))
            throw new RingDataException(chunk.FileOffset, $"{codecName} data that decompresses to {chunk.Length} bytes");
        if (ReferenceEquals(data, _spare))
            _spare = [];
        return chunk with { Data = data, Decompressed = true };
    }

    private Span<byte> ReadAt(Span<byte> destination, string what)
    {
        if (_next < 0 || _next > file.Length)
            throw new RingDataException(_next, $"CPU data inside the file's {file.Length} bytes");
        var read = file.ReadAt(_next, destination);
        if (read < destination.Length)
            throw new RingDataException(_next, $"{what} of {destination.Length} bytes, but the file ends after {read}");
        _next += destination.Length;
        return destination;
    }

    private static void EnsureCapacity(ref byte[] buffer, int size)
    {
        if (buffer.Length < size)
            buffer = new byte[size];
    }
}
