namespace Swiotlb.Trace.Blktrace;

/// <summary>The category bits of <c>blk_io_trace.action</c> (<c>enum blktrace_cat</c>, the upper 16 bits).</summary>
[Flags]
public enum BlktraceCategories : ushort
{
    None = 0,
    Read = 1 << 0,
    Write = 1 << 1,
    Flush = 1 << 2,
    Sync = 1 << 3,
    Queue = 1 << 4,
    Requeue = 1 << 5,
    Issue = 1 << 6,
    Complete = 1 << 7,
    FileSystem = 1 << 8,
    PassThrough = 1 << 9,
    Notify = 1 << 10,
    ReadAhead = 1 << 11,
    Metadata = 1 << 12,
    Discard = 1 << 13,
    DriverData = 1 << 14,
    Fua = 1 << 15,
}
