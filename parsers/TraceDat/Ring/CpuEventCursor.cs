using Swiotlb.Trace.Binary;
using Swiotlb.Trace.TraceDat.Metadata;

namespace Swiotlb.Trace.TraceDat.Ring;

/// <summary>
/// Walks one CPU's ring-buffer pages event by event, as libtraceevent's kbuffer does: a page header
/// (<c>u64 timestamp, long commit</c>) then 32-bit event headers (<c>type_len</c> 5 bits, <c>time_delta</c> 27 bits).
/// Holds one page (or one decompressed chunk) at a time.
/// </summary>
/// <param name="missed">Called with the number of events the kernel says it lost before a page (0 when the page does not store it).</param>
internal sealed class CpuEventCursor(IPageSource pages, int cpu, RingHeaderLayout header, ByteOrder order, Action<long, string, string> warn,
    Action<long> missed)
{
    /// <summary>Timestamps are read as <c>u64</c> but kept as signed nanoseconds: a clock at 2^63 ns (292 years) is a damaged field.</summary>
    private const ulong MaxTimestamp = long.MaxValue;

    private const uint TypePadding = 29;
    private const uint TypeTimeExtend = 30;
    private const uint TypeTimeStamp = 31;
    private const int TimeDeltaBits = 27;
    private const ulong CommitMask = (1UL << 27) - 1;
    private const ulong MissedEvents = 1UL << 31;
    private const ulong MissedEventsStored = 1UL << 30;

    private ArraySegment<byte> _page;
    private long _pageOffset;
    private int _next;
    private int _end;
    private int _recordStart;
    private int _recordLength;
    private ulong _timestamp;

    public int Cpu { get; } = cpu;

    /// <summary>The current event's timestamp as the ring buffer gives it.</summary>
    public ulong Timestamp => _timestamp;

    /// <summary>The current event's record (common fields first).</summary>
    public ReadOnlySpan<byte> Record => _page.AsSpan(_recordStart, _recordLength);

    /// <summary>Moves to the next event; false at the end of the CPU's data or at data it cannot read (reported through the warning callback).</summary>
    public bool MoveNext()
    {
        try
        {
            while (true)
            {
                if (_next < _end && TryReadEvent())
                {
                    return true;
                }

                if (!TryLoadPage())
                {
                    return false;
                }
            }
        }
        catch (RingDataException e)
        {
            warn(e.Offset, e.Message, $"the rest of CPU {Cpu}'s events");
            return false;
        }
    }

    private bool TryLoadPage()
    {
        while (pages.TryNextPage(out _page, out _pageOffset))
        {
            var page = _page.AsSpan();
            var headerEnd = Math.Max(header.DataOffset, 8 + header.CommitSize);
            if (page.Length < headerEnd)
            {
                warn(_pageOffset, $"a page of {page.Length} bytes, shorter than its {headerEnd}-byte header", $"one page of CPU {Cpu}'s events");
                continue;
            }

            _timestamp = order.UInt64(page);
            if (_timestamp > MaxTimestamp)
            {
                warn(_pageOffset, $"a page timestamp below 2^63 ns, found {_timestamp}", $"one page of CPU {Cpu}'s events");
                continue;
            }

            var commit = order.Unsigned(page[8..], header.CommitSize);
            var size = (int)(commit & CommitMask);
            if (header.DataOffset + size > page.Length)
            {
                warn(_pageOffset, $"a page committing {size} bytes of data, more than its {page.Length - header.DataOffset}", $"one page of CPU {Cpu}'s events");
                continue;
            }

            if ((commit & MissedEvents) != 0)
            {
                ReportMissedEvents(page, commit, size);
            }

            _next = header.DataOffset;
            _end = header.DataOffset + size;
            return true;
        }

        return false;
    }

    private void ReportMissedEvents(ReadOnlySpan<byte> page, ulong commit, int size)
    {
        var countOffset = header.DataOffset + size;
        var stored = (commit & MissedEventsStored) != 0 && countOffset + header.CommitSize <= page.Length;
        var count = stored ? order.Unsigned(page[countOffset..], header.CommitSize) : 0;
        missed((long)Math.Min(count, MaxTimestamp));
    }

    /// <summary>Reads headers from <see cref="_next"/> until a data event; false when the page has no more.</summary>
    private bool TryReadEvent()
    {
        var page = _page.AsSpan(0, _end);
        while (_next + 4 <= _end)
        {
            var word = order.UInt32(page[_next..]);
            var typeLen = order.IsBigEndian ? word >> TimeDeltaBits : word & 0x1f;
            ulong delta = order.IsBigEndian ? word & ((1u << TimeDeltaBits) - 1) : word >> 5;
            if (typeLen == TypePadding && delta == 0)
            {
                break;
            }

            if (typeLen is 0 or >= TypePadding && _next + 8 > _end)
            {
                return SkipRestOfPage("an event header word inside the page's committed data");
            }

            var array = typeLen is 0 or >= TypePadding ? order.UInt32(page[(_next + 4)..]) : 0u;
            switch (typeLen)
            {
                case TypePadding:
                    _timestamp += delta;
                    _next += 4 + (int)Math.Min(array, _end);
                    continue;
                case TypeTimeExtend:
                    _timestamp += ((ulong)array << TimeDeltaBits) + delta;
                    _next += 8;
                    continue;
                case TypeTimeStamp:
                    _timestamp = ((ulong)array << TimeDeltaBits) + delta;
                    _next += 8;
                    continue;
                case 0 when array < 4:
                    return SkipRestOfPage($"a large event's length word of at least 4, found {array}");
                case 0:
                    return SetRecord(_next + 8, (long)((array - 4 + 3) & ~3u), delta);
                default:
                    return SetRecord(_next + 4, typeLen * 4, delta);
            }
        }

        _next = _end;
        return false;
    }

    private bool SetRecord(int start, long length, ulong delta)
    {
        if (start + length > _end)
        {
            return SkipRestOfPage($"an event of {length} bytes inside the page's committed data");
        }

        _timestamp += delta;
        if (_timestamp > MaxTimestamp)
        {
            return SkipRestOfPage($"an event timestamp below 2^63 ns, found {_timestamp}");
        }

        _recordStart = start;
        _recordLength = (int)length;
        _next = start + (int)length;
        return true;
    }

    private bool SkipRestOfPage(string expected)
    {
        warn(_pageOffset, $"expected {expected} at byte {_next} of the page", $"the rest of the page on CPU {Cpu}");
        _next = _end;
        return false;
    }
}
