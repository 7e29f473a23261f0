using System.Globalization;
using System.Text;

namespace Swiotlb.Trace.TraceDat.Metadata;

/// <summary>Reads one run of options (<c>u16 id, u32 size, data</c>) into the layout, skipping ids it does not use.</summary>
internal static class OptionsReader
{
    /// <summary>What a run of options points to beyond itself.</summary>
    /// <param name="NextOptionsOffset">v7: the next options section (0 when none).</param>
    /// <param name="SectionOffsets">v7: the metadata sections by option id.</param>
    /// <param name="BufferOptions">BUFFER options, unparsed (v6 and v7 lay them out differently).</param>
    public sealed record Result(long NextOptionsOffset, Dictionary<OptionId, long> SectionOffsets, List<byte[]> BufferOptions);

    public static Result Read(MetadataCursor cursor, TraceDatLayout layout)
    {
        var sections = new Dictionary<OptionId, long>();
        var buffers = new List<byte[]>();
        while (true)
        {
            var id = (OptionId)cursor.ReadUInt16();
            if (id == OptionId.Done && layout.Version < 7)
            {
                return new Result(0, sections, buffers);
            }

            var data = cursor.ReadBytes(cursor.ReadUInt32(), $"option {(ushort)id}");
            switch (id)
            {
                case OptionId.Done:
                    return new Result((long)ReadOffset(cursor, data), sections, buffers);
                case OptionId.Buffer:
                    buffers.Add(data);
                    break;
                case OptionId.CpuStat:
                    ReadCpuStat(Text(data), layout);
                    break;
                case OptionId.TraceClock:
                    layout.TraceClock = SelectedClock(Text(data));
                    break;
                case OptionId.Uname:
                    layout.Uname = Text(data);
                    break;
                case OptionId.Offset:
                    layout.TimestampOffset = long.TryParse(Text(data), NumberStyles.Integer, CultureInfo.InvariantCulture, out var offset) ? offset : 0;
                    break;
                case OptionId.CpuCount when data.Length >= 4:
                    layout.CpuCount = (int)cursor.Order.UInt32(data);
                    break;
                case OptionId.HeaderInfo or OptionId.FtraceEvents or OptionId.EventFormats
                    or OptionId.Kallsyms or OptionId.Printk or OptionId.Cmdlines:
                    sections[id] = (long)ReadOffset(cursor, data);
                    break;
            }
        }
    }

    private static ulong ReadOffset(MetadataCursor cursor, byte[] data) =>
        data.Length >= 8 ? cursor.Order.UInt64(data) : throw cursor.Fail("an 8-byte file offset in the option");

    private static string Text(byte[] data) => Encoding.UTF8.GetString(data).TrimEnd('\0', '\n');

    /// <summary>The clock in brackets of a <c>trace_clock</c> listing: <c>local [global] counter</c> → <c>global</c>.</summary>
    private static string? SelectedClock(string listing)
    {
        var open = listing.IndexOf('[', StringComparison.Ordinal);
        var close = listing.IndexOf(']', StringComparison.Ordinal);
        return open >= 0 && close > open ? listing[(open + 1)..close] : null;
    }

    /// <summary>Adds a CPUSTAT's <c>overrun</c> and <c>dropped events</c> to that CPU's lost events.</summary>
    private static void ReadCpuStat(string stat, TraceDatLayout layout)
    {
        int? cpu = null;
        long lost = 0;
        foreach (var line in stat.Split('\n'))
        {
            var colon = line.IndexOf(':', StringComparison.Ordinal);
            if (colon < 0 || !long.TryParse(line.AsSpan(colon + 1).Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var value))
            {
                continue;
            }

            switch (line[..colon])
            {
                case "CPU": cpu = (int)value; break;
                case "overrun" or "dropped events": lost += value; break;
            }
        }

        if (cpu is { } id)
        {
            layout.LostEventsPerCpu[id] = lost;
        }
    }
}
