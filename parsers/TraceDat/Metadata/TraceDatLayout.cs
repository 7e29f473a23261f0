using Swiotlb.Trace.Binary;
using Swiotlb.Trace.TraceDat.Formats;

namespace Swiotlb.Trace.TraceDat.Metadata;

/// <summary>Everything the metadata of a trace.dat gives, filled in by the v6 or v7 layout reader.</summary>
internal sealed class TraceDatLayout(int version, ByteOrder order, int longSize, int pageSize)
{
    public int Version { get; } = version;
    public ByteOrder Order { get; } = order;
    public int LongSize { get; } = longSize;
    public int PageSize { get; } = pageSize;
    public string Compression { get; set; } = "none";
    public CompressionCodec? Codec { get; set; }
    public RingHeaderLayout RingHeader { get; set; } = new(8, 16);
    public Dictionary<int, EventFormat> Formats { get; } = [];
    public KernelSymbols Symbols { get; set; } = KernelSymbols.Empty;
    public TaskNames Tasks { get; set; } = TaskNames.Empty;
    public List<BufferLayout> Buffers { get; } = [];
    public string? Uname { get; set; }
    public string? TraceClock { get; set; }
    public int? CpuCount { get; set; }
    public Dictionary<int, long> LostEventsPerCpu { get; } = [];

    /// <summary>Nanoseconds to add to every timestamp (the OFFSET option).</summary>
    public long TimestampOffset { get; set; }
}
