namespace Swiotlb.Trace.TraceDat.Metadata;

/// <summary>Reads a version 7 file: a chain of options sections pointing to metadata and flyrecord sections, any of them compressed.</summary>
internal static class V7LayoutReader
{
    private const ushort CompressedFlag = 1;
    private const int MaxOptionsSections = 1024;

    public static void Read(MetadataCursor file, TraceDatLayout layout)
    {
        var algorithm = file.ReadCString("a compression algorithm name");
        var algorithmVersion = file.ReadCString("a compression algorithm version");
        if (algorithm != "none")
        {
            layout.Compression = $"{algorithm} {algorithmVersion}";
            layout.Codec = CompressionCodec.ForName(algorithm) ?? throw file.Fail($"compression zstd, zlib or none, found \"{algorithm}\"");
        }

        var sectionOffsets = new Dictionary<OptionId, long>();
        var bufferOptions = new List<byte[]>();
        var optionsOffset = (long)file.ReadUInt64();
        for (var count = 0; optionsOffset != 0; count++)
        {
            if (count == MaxOptionsSections)
            {
                throw file.Fail($"fewer than {MaxOptionsSections} chained options sections");
            }

            var result = OptionsReader.Read(OpenSection(file, layout, optionsOffset, "options section"), layout);
            foreach (var (id, offset) in result.SectionOffsets)
            {
                sectionOffsets[id] = offset;
            }

            bufferOptions.AddRange(result.BufferOptions);
            optionsOffset = result.NextOptionsOffset;
        }

        ReadSections(file, layout, sectionOffsets);
        foreach (var option in bufferOptions)
        {
            layout.Buffers.Add(ReadBuffer(file, layout, option));
        }
    }

    private static void ReadSections(MetadataCursor file, TraceDatLayout layout, Dictionary<OptionId, long> offsets)
    {
        if (!offsets.TryGetValue(OptionId.HeaderInfo, out var headerInfo))
        {
            throw file.Fail("a HEADER_INFO option in the options sections");
        }

        MetadataSections.ReadHeaderInfo(OpenSection(file, layout, headerInfo, "header info section"), layout);
        if (offsets.TryGetValue(OptionId.FtraceEvents, out var ftrace))
        {
            MetadataSections.ReadFtraceFormats(OpenSection(file, layout, ftrace, "ftrace event formats section"), layout);
        }

        if (offsets.TryGetValue(OptionId.EventFormats, out var events))
        {
            MetadataSections.ReadEventFormats(OpenSection(file, layout, events, "event formats section"), layout);
        }

        if (offsets.TryGetValue(OptionId.Kallsyms, out var kallsyms))
        {
            MetadataSections.ReadKallsyms(OpenSection(file, layout, kallsyms, "kallsyms section"), layout);
        }

        if (offsets.TryGetValue(OptionId.Cmdlines, out var cmdlines))
        {
            MetadataSections.ReadCmdlines(OpenSection(file, layout, cmdlines, "saved cmdlines section"), layout);
        }
    }

    /// <summary>Reads a section header at <paramref name="offset"/> and returns a cursor over the section's (decompressed) content.</summary>
    private static MetadataCursor OpenSection(MetadataCursor file, TraceDatLayout layout, long offset, string name)
    {
        file.Seek(offset, name);
        file.ReadUInt16();
        var flags = file.ReadUInt16();
        file.ReadUInt32();
        file.ReadUInt64();
        if ((flags & CompressedFlag) == 0)
        {
            return file;
        }

        var codec = layout.Codec ?? throw file.Fail("an uncompressed section (the file header names no compression)");
        var compressedSize = file.ReadUInt32();
        var size = file.ReadUInt32();
        if (size > DecompressionLimit.For(compressedSize))
        {
            throw file.Fail($"a decompressed size of at most {DecompressionLimit.For(compressedSize)} bytes for {compressedSize} compressed bytes, found {size}");
        }

        var compressed = file.ReadBytes(compressedSize, "compressed section data");
        var data = new byte[size];
        if (!codec.TryDecompress(compressed, data))
        {
            throw file.Fail($"{codec.Name} data that decompresses to {size} bytes");
        }

        return MetadataCursor.OverDecompressed(data, file.FileName, file.Order, name, offset);
    }

    /// <summary>Parses a BUFFER option: flyrecord section offset, name, clock, page size, and per-CPU (id, offset, size).</summary>
    private static BufferLayout ReadBuffer(MetadataCursor file, TraceDatLayout layout, byte[] option)
    {
        var cursor = MetadataCursor.OverDecompressed(option, file.FileName, file.Order, "BUFFER option", file.Position);
        var sectionOffset = (long)cursor.ReadUInt64();
        var name = cursor.ReadCString("a buffer name");
        var clock = cursor.ReadCString("a trace clock name");
        var pageSize = (int)cursor.ReadUInt32();
        var cpuCount = cursor.ReadUInt32();
        var regions = new List<CpuDataRegion>();
        for (var i = 0; i < cpuCount; i++)
        {
            regions.Add(new CpuDataRegion((int)cursor.ReadUInt32(), (long)cursor.ReadUInt64(), (long)cursor.ReadUInt64()));
        }

        if (pageSize is < 64 or > 1 << 24)
        {
            throw cursor.Fail($"a page size between 64 bytes and 16 MiB for buffer \"{name}\", found {pageSize}");
        }

        file.Seek(sectionOffset, $"flyrecord section of buffer \"{name}\"");
        file.ReadUInt16();
        var flags = file.ReadUInt16();
        return new BufferLayout(name, clock, pageSize, (flags & CompressedFlag) != 0 && layout.Codec is not null, regions);
    }
}
