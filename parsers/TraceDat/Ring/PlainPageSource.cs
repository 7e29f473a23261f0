using Swiotlb.Trace.Binary;
using Swiotlb.Trace.TraceDat.Metadata;

namespace Swiotlb.Trace.TraceDat.Ring;

/// <summary>Pages stored as they are in the file, read one page at a time.</summary>
internal sealed class PlainPageSource(PositionalReader file, CpuDataRegion region, int pageSize) : IPageSource
{
    private byte[]? _page;
    private long _next = region.Offset;

    public bool TryNextPage(out ArraySegment<byte> page, out long fileOffset)
    {
        fileOffset = _next;
        var left = region.Offset + region.Size - _next;
        if (left <= 0)
        {
            page = default;
            return false;
        }

        if (_next < 0 || _next >= file.Length)
        {
            throw new RingDataException(_next, $"CPU data inside the file's {file.Length} bytes");
        }

        _page ??= new byte[(int)Math.Min(pageSize, Math.Min(region.Size, file.Length - region.Offset))];
        var length = (int)Math.Min(left, pageSize);
        var inFile = (int)Math.Min(length, file.Length - _next);
        var read = file.ReadAt(_next, _page.AsSpan(0, inFile));
        if (read < length)
        {
            throw new RingDataException(_next, $"the file ends {read} bytes into a {length}-byte page");
        }

        _next += length;
        page = new ArraySegment<byte>(_page, 0, length);
        return true;
    }
}
