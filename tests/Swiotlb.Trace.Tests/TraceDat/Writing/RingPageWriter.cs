using System.Buffers.Binary;

namespace Swiotlb.Trace.Tests.TraceDat.Writing;

/// <summary>Packs one CPU's records into ring-buffer pages (64-bit kernel, little-endian): time deltas, time extends, large events.</summary>
internal sealed class RingPageWriter(int pageSize, Action<byte[]> writePage)
{
    private const int HeaderSize = 16;
    private const int MaxDelta = (1 << 27) - 1;
    private const int MaxSmallRecord = 28 * 4;
    private byte[] _page = new byte[pageSize];
    private int _used;
    private long _lastTimestamp;

    public void Add(long timestamp, ReadOnlySpan<byte> record)
    {
        var padded = (record.Length + 3) & ~3;
        var eventSize = (padded > MaxSmallRecord ? 8 : 4) + padded;
        var delta = timestamp - _lastTimestamp;
        var needsExtend = _used > 0 && delta > MaxDelta;
        if (_used == 0 || HeaderSize + _used + eventSize + (needsExtend ? 8 : 0) > pageSize)
        {
            Flush();
            BinaryPrimitives.WriteInt64LittleEndian(_page, timestamp);
            delta = 0;
            needsExtend = false;
        }

        if (needsExtend)
        {
            WriteWord((uint)((delta & MaxDelta) << 5) | 30);
            WriteWord((uint)(delta >> 27));
            delta = 0;
        }

        if (padded > MaxSmallRecord)
        {
            WriteWord((uint)(delta << 5));
            WriteWord((uint)padded + 4);
        }
        else
        {
            WriteWord((uint)(delta << 5) | (uint)(padded / 4));
        }

        record.CopyTo(_page.AsSpan(HeaderSize + _used));
        _used += padded;
        _lastTimestamp = timestamp;
    }

    /// <summary>Writes the page in progress, if any.</summary>
    public void Flush()
    {
        if (_used == 0)
        {
            return;
        }

        BinaryPrimitives.WriteInt64LittleEndian(_page.AsSpan(8), _used);
        writePage(_page);
        _page = new byte[pageSize];
        _used = 0;
    }

    private void WriteWord(uint word)
    {
        BinaryPrimitives.WriteUInt32LittleEndian(_page.AsSpan(HeaderSize + _used), word);
        _used += 4;
    }
}
