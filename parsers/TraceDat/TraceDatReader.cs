using System.Collections.Immutable;
using Swiotlb.Trace.Binary;
using Swiotlb.Trace.Capture;
using Swiotlb.Trace.Events;
using Swiotlb.Trace.TraceDat.Decoding;
using Swiotlb.Trace.TraceDat.Formats;
using Swiotlb.Trace.TraceDat.Metadata;
using Swiotlb.Trace.TraceDat.Ring;

namespace Swiotlb.Trace.TraceDat;

/// <summary>
/// Reads a trace-cmd <c>trace.dat</c> (versions 6 and 7, compressed or not) into typed events, merged across
/// CPUs in timestamp order (ties by CPU, as <c>trace-cmd report</c> does). Holds one page or chunk per CPU.
/// </summary>
/// <remarks>The caller owns the stream, which must be seekable and stay open while events are read.</remarks>
public sealed class TraceDatReader
{
    private static readonly FieldFormat DefaultCommonType = new("common_type", "unsigned short", 0, 2, false, FieldLocation.Inline, 0);
    private static readonly FieldFormat DefaultCommonPid = new("common_pid", "int", 4, 4, true, FieldLocation.Inline, 0);

    private readonly PositionalReader _file;
    private readonly string _fileName;
    private readonly TraceDatLayout _layout;
    private readonly FieldFormat _commonType;
    private readonly FieldFormat _commonPid;
    private readonly (string Name, RecordDecoder Decoder)?[] _decoders;
    private readonly List<CaptureWarning> _firstWarnings = [];

    private TraceDatReader(Stream file, string fileName, TraceDatLayout layout)
    {
        _file = new PositionalReader(file);
        _fileName = fileName;
        _layout = layout;
        _decoders = new (string, RecordDecoder)?[layout.Formats.Keys.Where(id => id is >= 0 and <= ushort.MaxValue).DefaultIfEmpty(-1).Max() + 1];
        var common = layout.Formats.Values.FirstOrDefault()?.CommonFields ?? [];
        _commonType = common.FirstOrDefault(f => f.Name == "common_type") ?? DefaultCommonType;
        _commonPid = common.FirstOrDefault(f => f.Name == "common_pid") ?? DefaultCommonPid;
        Metadata = DescribeMetadata(layout);
    }

    public TraceDatMetadata Metadata { get; }

    /// <summary>The most warnings kept; all are counted and passed to <see cref="Warned"/>.</summary>
    public const int MaxKeptWarnings = 20;

    /// <summary>The first <see cref="MaxKeptWarnings"/> problems met so far while reading events (filled as <see cref="ReadEvents"/> runs).</summary>
    public IReadOnlyList<CaptureWarning> Warnings => _firstWarnings;

    /// <summary>Every problem met so far, kept or not.</summary>
    public long WarningCount { get; private set; }

    /// <summary>Called for each problem as it is met.</summary>
    public Action<CaptureWarning>? Warned { get; set; }

    /// <summary>Called with (CPU, count) for the events a page says the kernel lost before it.</summary>
    public Action<int, long>? MissedEvents { get; set; }

    /// <summary>Reads the file's header and metadata.</summary>
    /// <exception cref="CaptureFormatException">The file is not a trace.dat, or its metadata is truncated or corrupt.</exception>
    public static TraceDatReader Open(Stream file, string fileName) => new(file, fileName, LayoutReader.Read(file, fileName));

    /// <summary>All events of all buffers in timestamp order; data that cannot be read ends that CPU's stream with a warning.</summary>
    public IEnumerable<TraceEvent> ReadEvents()
    {
        _firstWarnings.Clear();
        WarningCount = 0;
        var queue = new PriorityQueue<CpuEventCursor, (ulong Timestamp, int Order)>();
        var order = 0;
        foreach (var cursor in OpenCursors())
        {
            if (cursor.MoveNext())
            {
                queue.Enqueue(cursor, (cursor.Timestamp, order));
            }

            order++;
        }

        while (queue.TryDequeue(out var cursor, out var priority))
        {
            yield return Decode(cursor);
            if (cursor.MoveNext())
            {
                queue.Enqueue(cursor, (cursor.Timestamp, priority.Order));
            }
        }
    }

    private IEnumerable<CpuEventCursor> OpenCursors()
    {
        foreach (var buffer in _layout.Buffers)
        {
            var regions = CpuRegions.Usable(buffer.Cpus, _file.Length, (region, problem, lost) =>
                Warn(Warning(SectionOf(buffer, region.Cpu), region.Offset, problem, lost, Capture.WarningKinds.DroppedCpu)));
            var chunkLimit = RingMemoryBudget.PerCpu(regions.Count, buffer.PageSize);
            foreach (var region in regions)
            {
                var section = SectionOf(buffer, region.Cpu);
                IPageSource pages = buffer.IsCompressed
                    ? new CompressedPageSource(_file, region, buffer.PageSize, _layout.Codec!.CreateDecompressor(), _layout.Codec.Name, _layout.Order, chunkLimit)
                    : new PlainPageSource(_file, region, buffer.PageSize);
                yield return new CpuEventCursor(pages, region.Cpu, _layout.RingHeader, _layout.Order,
                    (offset, problem, lost) => Warn(Warning(section, offset, problem, lost)),
                    count => Missed(section, region.Cpu, count));
            }
        }
    }

    private void Missed(string section, int cpu, long count)
    {
        MissedEvents?.Invoke(cpu, count);
        Warn(Warning(section, -1, $"the kernel marks events missed on CPU {cpu} (ring buffer overrun)",
            count > 0 ? $"{count} events" : "an unknown number of events", Capture.WarningKinds.MissedEvents));
    }

    /// <summary>A warning about one section of the file: at a byte offset, or (offset -1) about the section as a whole.</summary>
    private CaptureWarning Warning(string section, long offset, string problem, string lost, string kind = Capture.WarningKinds.RingData) =>
        new(offset >= 0 ? CapturePosition.AtOffset(_fileName, offset) : CapturePosition.WholeFile(_fileName), $"{section}: {problem}; lost: {lost}", kind);

    private static string SectionOf(BufferLayout buffer, int cpu) => $"flyrecord buffer \"{buffer.Name}\" CPU {cpu}";

    private void Warn(CaptureWarning warning)
    {
        WarningCount++;
        if (_firstWarnings.Count < MaxKeptWarnings)
        {
            _firstWarnings.Add(warning);
        }

        Warned?.Invoke(warning);
    }

    private TraceEvent Decode(CpuEventCursor cursor)
    {
        var record = cursor.Record;
        var header = new EventHeader((long)cursor.Timestamp + _layout.TimestampOffset, cursor.Cpu, 0, "<idle>");
        var name = "unreadable_event";
        try
        {
            var pid = (int)_commonPid.Integer(record, _layout.Order);
            header = header with { Pid = pid, Comm = _layout.Tasks.NameOf(pid) };
            var id = (int)_commonType.Unsigned(record, _layout.Order);
            if (DecoderFor(id) is not var (eventName, decoder))
            {
                return Unreadable(header, $"event_{id}", $"event id {id}, which has no format in the file");
            }

            name = eventName;
            return decoder(header, record);
        }
        catch (RecordFormatException e)
        {
            return Unreadable(header, name, e.Message);
        }
    }

    /// <summary>The decoder of an event id, made on its first event; null for an id the file has no format for.</summary>
    private (string Name, RecordDecoder Decoder)? DecoderFor(int id)
    {
        if ((uint)id < (uint)_decoders.Length && _decoders[id] is { } known)
        {
            return known;
        }

        if (!_layout.Formats.TryGetValue(id, out var format))
        {
            return null;
        }

        var made = (format.Name, MakeDecoder(format));
        if ((uint)id < (uint)_decoders.Length)
        {
            _decoders[id] = made;
        }

        return made;
    }

    private RecordDecoder MakeDecoder(EventFormat format) =>
        EventDecoders.For(format, _layout.Order, _layout.Symbols,
            note => Warn(Warning($"probe {format.Name}", -1, note, "nothing")));

    private GenericEvent Unreadable(EventHeader header, string name, string problem)
    {
        Warn(Warning($"event at {header.TimestampNs} ns on CPU {header.Cpu}", -1, problem, "the event's fields", Capture.WarningKinds.UnreadableEvent));
        return new GenericEvent(header, name, "");
    }

    private static TraceDatMetadata DescribeMetadata(TraceDatLayout layout)
    {
        var unameParts = layout.Uname?.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return new TraceDatMetadata(
            layout.Version,
            layout.Compression,
            layout.Order.IsBigEndian,
            layout.LongSize,
            layout.PageSize,
            layout.CpuCount ?? layout.Buffers.SelectMany(b => b.Cpus).Select(c => c.Cpu + 1).DefaultIfEmpty(0).Max(),
            unameParts is { Length: >= 3 } ? unameParts[2] : null,
            layout.Buffers.FirstOrDefault()?.Clock ?? layout.TraceClock,
            [.. layout.Buffers.Select(b => b.Name)],
            layout.LostEventsPerCpu.ToImmutableDictionary());
    }
}
