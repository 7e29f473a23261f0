using System.Text;
using Swiotlb.Trace.Events;

namespace Swiotlb.Trace.Tests.TraceDat.Writing;

/// <summary>The trace.dat layouts the test writer produces.</summary>
public enum TraceDatFileKind
{
    V6,
    V7,
    V7Zstd,
    V7Zlib,
}

/// <summary>
/// Writes a trace.dat (for tests and benchmarks only) that <c>trace-cmd report</c> reads: little-endian, 64-bit,
/// 4 KiB pages, the formats of <see cref="EventRecordEncoder"/>. Each CPU's events are written in the order given
/// (time order); the output must be seekable (offsets are patched after the data).
/// </summary>
internal sealed class TraceDatWriter
{
    private const int PageSize = 4096;
    private const int PagesPerChunk = 10;
    private const string HeaderPage =
        "\tfield: u64 timestamp;\toffset:0;\tsize:8;\tsigned:0;\n\tfield: local_t commit;\toffset:8;\tsize:8;\tsigned:1;\n" +
        "\tfield: int overwrite;\toffset:8;\tsize:1;\tsigned:1;\n\tfield: char data;\toffset:16;\tsize:4080;\tsigned:1;\n";
    private const string HeaderEvent =
        "# compressed entry header\n\ttype_len    :    5 bits\n\ttime_delta  :   27 bits\n\tarray       :   32 bits\n\n" +
        "\tpadding     : type == 29\n\ttime_extend : type == 30\n\ttime_stamp : type == 31\n\tdata max type_len  == 28\n";

    private readonly Stream _out;
    private BinaryWriter _writer;
    private readonly TraceDatFileKind _kind;
    private readonly BlockCompressor? _compressor;

    private TraceDatWriter(Stream output, TraceDatFileKind kind)
    {
        _out = output;
        _writer = new BinaryWriter(output, Encoding.UTF8, leaveOpen: true);
        _kind = kind;
        _compressor = BlockCompressor.For(kind);
    }

    public static void Write(Stream output, TraceDatFileKind kind, IReadOnlyList<IEnumerable<TraceEvent>> eventsPerCpu, IReadOnlyDictionary<int, string> taskNames)
    {
        var writer = new TraceDatWriter(output, kind);
        writer.WriteFile(eventsPerCpu, Cmdlines(taskNames));
        writer._writer.Flush();
    }

    private void WriteFile(IReadOnlyList<IEnumerable<TraceEvent>> cpus, string cmdlines)
    {
        _writer.Write([0x17, 0x08, 0x44]);
        _writer.Write("tracing"u8);
        WriteCString(_kind == TraceDatFileKind.V6 ? "6" : "7");
        _writer.Write((byte)0);
        _writer.Write((byte)8);
        _writer.Write(PageSize);
        if (_kind == TraceDatFileKind.V6)
        {
            WriteV6(cpus, cmdlines);
        }
        else
        {
            WriteV7(cpus, cmdlines);
        }
    }

    private void WriteV6(IReadOnlyList<IEnumerable<TraceEvent>> cpus, string cmdlines)
    {
        WriteHeaderInfo();
        WriteFtraceFormats();
        WriteEventFormats();
        WriteKallsyms();
        WritePrintk();
        WriteCmdlines(cmdlines);
        _writer.Write(cpus.Count);
        _writer.Write("flyrecord\0"u8);
        var table = _out.Position;
        _writer.Write(new byte[16 * cpus.Count]);
        var regions = WriteCpuData(cpus);
        Patch(table, () =>
        {
            foreach (var (offset, size) in regions)
            {
                _writer.Write(offset);
                _writer.Write(size);
            }
        });
    }

    private void WriteV7(IReadOnlyList<IEnumerable<TraceEvent>> cpus, string cmdlines)
    {
        WriteCString(_compressor?.Name ?? "none");
        WriteCString(_compressor?.Version ?? "");
        var optionsPointer = _out.Position;
        _writer.Write(0L);
        var sections = new List<(ushort Id, long Offset)>
        {
            (16, WriteSection(16, WriteHeaderInfo)),
            (17, WriteSection(17, WriteFtraceFormats)),
            (18, WriteSection(18, WriteEventFormats)),
            (19, WriteSection(19, WriteKallsyms)),
            (20, WriteSection(20, WritePrintk)),
            (21, WriteSection(21, () => WriteCmdlines(cmdlines))),
        };

        var flyrecord = _out.Position;
        WriteSectionHeader(3, _compressor is null ? (ushort)0 : (ushort)1, 0);
        var regions = WriteCpuData(cpus);
        PatchSectionSize(flyrecord);
        var options = WriteSection(0, () =>
        {
            foreach (var (id, offset) in sections)
            {
                WriteOption(id, () => _writer.Write(offset));
            }

            WriteOption(8, () => _writer.Write(cpus.Count));
            WriteOption(3, () =>
            {
                _writer.Write(flyrecord);
                WriteCString("");
                WriteCString("global");
                _writer.Write(PageSize);
                _writer.Write(cpus.Count);
                for (var cpu = 0; cpu < regions.Count; cpu++)
                {
                    _writer.Write(cpu);
                    _writer.Write(regions[cpu].Offset);
                    _writer.Write(regions[cpu].Size);
                }
            });
            WriteOption(0, () => _writer.Write(0L));
        }, compress: false);
        Patch(optionsPointer, () => _writer.Write(options));
    }

    private List<(long Offset, long Size)> WriteCpuData(IReadOnlyList<IEnumerable<TraceEvent>> cpus)
    {
        var regions = new List<(long, long)>();
        foreach (var events in cpus)
        {
            _writer.Write(new byte[(PageSize - _out.Position % PageSize) % PageSize]);
            var start = _out.Position;
            var chunks = new ChunkWriter(this);
            var pages = new RingPageWriter(PageSize, chunks.Add);
            foreach (var e in events)
            {
                pages.Add(e.Header.TimestampNs, EventRecordEncoder.Encode(e));
            }

            pages.Flush();
            chunks.Finish();
            regions.Add((start, _out.Position - start));
        }

        return regions;
    }

    /// <summary>Writes pages as they are, or (zstd) as <c>u32 count</c> then chunks of <see cref="PagesPerChunk"/> pages.</summary>
    private sealed class ChunkWriter
    {
        private readonly TraceDatWriter _file;
        private readonly MemoryStream _pending = new();
        private readonly long _countOffset;
        private int _chunks;

        public ChunkWriter(TraceDatWriter file)
        {
            _file = file;
            _countOffset = file._out.Position;
            if (file._compressor is not null)
            {
                file._writer.Write(0);
            }
        }

        public void Add(byte[] page)
        {
            if (_file._compressor is null)
            {
                _file._writer.Write(page);
                return;
            }

            _pending.Write(page);
            if (_pending.Length == PageSize * PagesPerChunk)
            {
                WriteChunk();
            }
        }

        public void Finish()
        {
            if (_file._compressor is null)
            {
                return;
            }

            if (_pending.Length > 0)
            {
                WriteChunk();
            }

            _file.Patch(_countOffset, () => _file._writer.Write(_chunks));
        }

        private void WriteChunk()
        {
            var compressed = _file._compressor!.Compress(_pending.ToArray());
            _file._writer.Write(compressed.Length);
            _file._writer.Write((int)_pending.Length);
            _file._writer.Write(compressed);
            _pending.SetLength(0);
            _chunks++;
        }
    }

    private void WriteHeaderInfo()
    {
        _writer.Write("header_page\0"u8);
        WriteSized64(HeaderPage);
        _writer.Write("header_event\0"u8);
        WriteSized64(HeaderEvent);
    }

    private void WriteFtraceFormats() => _writer.Write(0);

    private void WriteEventFormats()
    {
        var systems = EventRecordEncoder.FormatFiles().ToList();
        _writer.Write(systems.Count);
        foreach (var (system, formats) in systems)
        {
            WriteCString(system);
            _writer.Write(formats.Length);
            foreach (var format in formats)
            {
                WriteSized64(format);
            }
        }
    }

    private void WriteKallsyms()
    {
        var bytes = Encoding.UTF8.GetBytes(EventRecordEncoder.Kallsyms);
        _writer.Write(bytes.Length);
        _writer.Write(bytes);
    }

    private void WritePrintk() => _writer.Write(0);

    private void WriteCmdlines(string cmdlines) => WriteSized64(cmdlines);

    /// <summary>Writes a v7 section (compressed when the file is and <paramref name="compress"/> allows) and returns its offset.</summary>
    private long WriteSection(ushort id, Action writeContent, bool compress = true)
    {
        var start = _out.Position;
        var fileWriter = _writer;
        using var content = new MemoryStream();
        _writer = new BinaryWriter(content, Encoding.UTF8, leaveOpen: true);
        writeContent();
        _writer.Flush();
        _writer = fileWriter;
        var data = content.ToArray();
        if (compress && _compressor is not null)
        {
            var compressed = _compressor.Compress(data);
            WriteSectionHeader(id, 1, 8 + compressed.Length);
            _writer.Write(compressed.Length);
            _writer.Write(data.Length);
            _writer.Write(compressed);
        }
        else
        {
            WriteSectionHeader(id, 0, data.Length);
            _writer.Write(data);
        }

        return start;
    }

    private void WriteSectionHeader(ushort id, ushort flags, long size)
    {
        _writer.Write(id);
        _writer.Write(flags);
        _writer.Write(0);
        _writer.Write(size);
    }

    private void PatchSectionSize(long sectionStart)
    {
        var size = _out.Position - sectionStart - 16;
        Patch(sectionStart + 8, () => _writer.Write(size));
    }

    private void WriteOption(ushort id, Action writeData)
    {
        _writer.Write(id);
        _writer.Flush();
        var sizeAt = _writer.BaseStream.Position;
        _writer.Write(0);
        writeData();
        _writer.Flush();
        var size = (int)(_writer.BaseStream.Position - sizeAt - 4);
        Patch(sizeAt, () => _writer.Write(size));
    }

    private void Patch(long offset, Action write)
    {
        _writer.Flush();
        var stream = _writer.BaseStream;
        var end = stream.Position;
        stream.Position = offset;
        write();
        _writer.Flush();
        stream.Position = end;
    }

    private void WriteSized64(string text)
    {
        var bytes = Encoding.UTF8.GetBytes(text);
        _writer.Write((long)bytes.Length);
        _writer.Write(bytes);
    }

    private void WriteCString(string text)
    {
        _writer.Write(Encoding.UTF8.GetBytes(text));
        _writer.Write((byte)0);
    }

    private static string Cmdlines(IReadOnlyDictionary<int, string> taskNames) =>
        string.Concat(taskNames.OrderBy(t => t.Key).Select(t => $"{t.Key} {t.Value}\n"));
}
