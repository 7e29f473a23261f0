using Swiotlb.Trace.Binary;
using Swiotlb.Trace.TraceDat.Metadata;

namespace Swiotlb.Trace.TraceDat.Ring;

/// <summary>Pages of a compressed v7 buffer: <c>u32 chunk count</c>, then chunks <c>u32 csize, u32 usize, data</c>, each holding whole pages.</summary>
/// <param name="maxChunkSize">The most one decompressed chunk may hold (<see cref="RingMemoryBudget.PerCpu"/>).</param>
internal sealed class CompressedPageSource(Stream file, CpuDataRegion region, int pageSize, CompressionCodec codec, ByteOrder order, long maxChunkSize)
    : IPageSource
{
    private readonly byte[] _header = new byte[8];
    private byte[] _compressed = [];
    private byte[] _chunk = [];
    private long _next = region.Offset;
    private uint? _chunksLeft;
    private int _chunkLength;
    private int _pageInChunk;
    private long _chunkOffset;

    public bool TryNextPage(out ArraySegment<byte> page, out long fileOffset)
    {
        while (_pageInChunk >= _chunkLength)
        {
            if (!TryLoadChunk())
            {
                page = default;
                fileOffset = _next;
                return false;
            }
        }

        var length = Math.Min(pageSize, _chunkLength - _pageInChunk);
        page = new ArraySegment<byte>(_chunk, _pageInChunk, length);
        fileOffset = _chunkOffset;
        _pageInChunk += length;
        return true;
    }

    private bool TryLoadChunk()
    {
        if (region.Size == 0)
        {
            return false;
        }

        _chunksLeft ??= order.UInt32(ReadAt(_header.AsSpan(0, 4), "a chunk count"));
        if (_chunksLeft == 0)
        {
            return false;
        }

        _chunkOffset = _next;
        ReadAt(_header, "a chunk header");
        var compressedSize = order.UInt32(_header);
        var size = order.UInt32(_header.AsSpan(4));
        var fileLeft = file.Length - _next;
        if (compressedSize > fileLeft)
        {
            throw new RingDataException(_chunkOffset, $"a chunk of at most the {fileLeft} bytes left in the file, found {compressedSize} compressed bytes");
        }

        var limit = Math.Min(maxChunkSize, DecompressionLimit.For(compressedSize));
        if (size > limit)
        {
            throw new RingDataException(_chunkOffset, $"a chunk decompressing to at most {limit} bytes ({compressedSize} compressed, this CPU's share of the reader's memory), found {size}");
        }

        EnsureCapacity(ref _compressed, (int)compressedSize);
        EnsureCapacity(ref _chunk, (int)size);
        ReadAt(_compressed.AsSpan(0, (int)compressedSize), "compressed chunk data");
        if (!codec.TryDecompress(_compressed.AsSpan(0, (int)compressedSize), _chunk.AsSpan(0, (int)size)))
        {
            throw new RingDataException(_chunkOffset, $"{codec.Name} data that decompresses to {size} bytes");
        }

        _chunksLeft--;
        _chunkLength = (int)size;
        _pageInChunk = 0;
        return true;
    }

    private Span<byte> ReadAt(Span<byte> destination, string what)
    {
        if (_next < 0 || _next > file.Length)
        {
            throw new RingDataException(_next, $"CPU data inside the file's {file.Length} bytes");
        }

        file.Position = _next;
        var read = file.ReadAtLeast(destination, destination.Length, throwOnEndOfStream: false);
        if (read < destination.Length)
        {
            throw new RingDataException(_next, $"{what} of {destination.Length} bytes, but the file ends after {read}");
        }

        _next += destination.Length;
        return destination;
    }

    private static void EnsureCapacity(ref byte[] buffer, int size)
    {
        if (buffer.Length < size)
        {
            buffer = new byte[size];
        }
    }
}
