using Swiotlb.Trace.Binary;
using Swiotlb.Trace.Compression;
using Swiotlb.Trace.TraceDat.Metadata;

namespace Swiotlb.Trace.TraceDat.Ring;

/// <summary>
/// Pages of a compressed v7 buffer: <c>u32 chunk count</c>, then chunks <c>u32 csize, u32 usize, data</c>, each holding
/// whole pages. While the pages of one chunk are read, the next is decompressed on the thread pool (every CPU's source
/// does so at once, so the CPUs' data decompresses in parallel); a chunk larger than half the CPU's share of memory is
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

    private sealed record Chunk(byte[] Data, int Length, long FileOffset);

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
        var coming = _coming ?? ReadChunk();
        if (coming.Status == TaskStatus.Created)
            coming.RunSynchronously();
        var chunk = coming.GetAwaiter().GetResult();
        _coming = null;
        if (chunk is null)
            return false;
        if (_current is not null)
            _spare = _current.Data;
        _current = chunk;
        _pageInChunk = 0;
        _coming = ReadChunk();
        return true;
    }

    /// <summary>Reads the next chunk's header and compressed bytes, and starts decompressing it (or leaves a large one to
    /// be decompressed when taken); a task of null at the end of the data, a faulted one for a damaged chunk.</summary>
    private Task<Chunk?> ReadChunk()
    {
        try
        {
            if (region.Size == 0)
                return Task.FromResult<Chunk?>(null);
            _chunksLeft ??= order.UInt32(ReadAt(_header.AsSpan(0, 4), "a chunk count"));
            if (_chunksLeft == 0)
                return Task.FromResult<Chunk?>(null);

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
            var data = _spare.Length >= size ? _spare : new byte[size];
            _spare = [];
            var compressed = _compressed;
            Chunk? Decompress() => decompressor.TryDecompress(compressed.AsSpan(0, (int)compressedSize), data.AsSpan(0, (int)size))
                ? new Chunk(data, (int)size, chunkOffset)
                : throw new RingDataException(chunkOffset, $"{codecName} data that decompresses to {size} bytes");
            return size <= maxChunkSize / 2 ? Task.Run(Decompress) : new Task<Chunk?>(Decompress);
        }
        catch (RingDataException e)
        {
            return Task.FromException<Chunk?>(e);
        }
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
