using Swiotlb.Trace.TraceDat.Formats;

namespace Swiotlb.Trace.TraceDat.Metadata;

/// <summary>Reads the metadata blocks v6 and v7 share: header info, format files, kallsyms, printk, saved cmdlines.</summary>
internal static class MetadataSections
{
    public static void ReadHeaderInfo(MetadataCursor cursor, TraceDatLayout layout)
    {
        cursor.Expect("header_page\0");
        var headerPage = cursor.ReadText(cursor.ReadUInt64(), "header_page format");
        layout.RingHeader = RingHeaderLayout.FromHeaderPage(headerPage, layout.LongSize);
        cursor.Expect("header_event\0");
        cursor.Skip(cursor.ReadUInt64(), "header_event format");
    }

    public static void ReadFtraceFormats(MetadataCursor cursor, TraceDatLayout layout)
    {
        var count = cursor.ReadUInt32();
        for (var i = 0; i < count; i++)
        {
            AddFormat(cursor, layout, "ftrace");
        }
    }

    public static void ReadEventFormats(MetadataCursor cursor, TraceDatLayout layout)
    {
        var systems = cursor.ReadUInt32();
        for (var s = 0; s < systems; s++)
        {
            var system = cursor.ReadCString("an event system name");
            var count = cursor.ReadUInt32();
            for (var i = 0; i < count; i++)
            {
                AddFormat(cursor, layout, system);
            }
        }
    }

    public static void ReadKallsyms(MetadataCursor cursor, TraceDatLayout layout) =>
        layout.Symbols = new KernelSymbols(cursor.ReadBytes(cursor.ReadUInt32(), "kallsyms"));

    public static void SkipPrintk(MetadataCursor cursor) => cursor.Skip(cursor.ReadUInt32(), "printk formats");

    public static void ReadCmdlines(MetadataCursor cursor, TraceDatLayout layout) =>
        layout.Tasks = TaskNames.Parse(cursor.ReadText(cursor.ReadUInt64(), "saved cmdlines"));

    private static void AddFormat(MetadataCursor cursor, TraceDatLayout layout, string system)
    {
        var text = cursor.ReadText(cursor.ReadUInt64(), $"a {system} event format");
        if (EventFormatParser.Parse(system, text) is { } format)
        {
            layout.Formats[format.Id] = format;
        }
    }
}
