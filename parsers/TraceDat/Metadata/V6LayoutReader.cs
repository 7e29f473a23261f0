namespace Swiotlb.Trace.TraceDat.Metadata;

/// <summary>Reads a version 6 file: metadata in a fixed order, then options, then the flyrecord CPU table.</summary>
internal static class V6LayoutReader
{
    private const string Options = "options  \0";
    private const string Latency = "latency  \0";
    private const string Flyrecord = "flyrecord\0";

    public static void Read(MetadataCursor cursor, TraceDatLayout layout)
    {
        MetadataSections.ReadHeaderInfo(cursor.For("header info"), layout);
        MetadataSections.ReadFtraceFormats(cursor.For("ftrace event formats"), layout);
        MetadataSections.ReadEventFormats(cursor.For("event formats"), layout);
        MetadataSections.ReadKallsyms(cursor.For("kallsyms"), layout);
        MetadataSections.SkipPrintk(cursor.For("printk formats"));
        MetadataSections.ReadCmdlines(cursor.For("saved cmdlines"), layout);
        var cpus = (int)cursor.For("CPU count").ReadUInt32();
        if (cpus > 1 << 16)
        {
            throw cursor.Fail($"a CPU count below 65536, found {cpus}");
        }

        var instanceOptions = new List<byte[]>();
        var label = ReadLabel(cursor.For("data type label"));
        if (label == Options)
        {
            instanceOptions = OptionsReader.Read(cursor.For("options"), layout).BufferOptions;
            label = ReadLabel(cursor.For("data type label"));
        }

        if (label != Flyrecord)
        {
            throw cursor.Fail(label == Latency ? "flyrecord data (latency text traces are not supported)" : "\"flyrecord\" or \"latency\"");
        }

        layout.Buffers.Add(ReadCpuTable(cursor.For("flyrecord CPU table"), layout, "", cpus));
        foreach (var option in instanceOptions)
        {
            var optionCursor = MetadataCursor.OverDecompressed(option, cursor.FileName, cursor.Order, "BUFFER option", cursor.Position);
            var offset = (long)optionCursor.ReadUInt64();
            var name = optionCursor.ReadCString("a buffer name");
            cursor.Seek(offset, $"CPU table of buffer \"{name}\"");
            layout.Buffers.Add(ReadCpuTable(cursor, layout, name, cpus));
        }
    }

    private static string ReadLabel(MetadataCursor cursor) =>
        System.Text.Encoding.ASCII.GetString(cursor.ReadBytes(10, "a 10-byte data type label"));

    private static BufferLayout ReadCpuTable(MetadataCursor cursor, TraceDatLayout layout, string name, int cpus)
    {
        var regions = new List<CpuDataRegion>();
        for (var cpu = 0; cpu < cpus; cpu++)
        {
            regions.Add(new CpuDataRegion(cpu, (long)cursor.ReadUInt64(), (long)cursor.ReadUInt64()));
        }

        return new BufferLayout(name, layout.TraceClock, layout.PageSize, IsCompressed: false, regions);
    }
}
