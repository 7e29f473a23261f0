namespace Swiotlb.Trace.TraceDat.Metadata;

/// <summary>The trace.dat option ids this reader uses (the others are skipped by size).</summary>
internal enum OptionId : ushort
{
    Done = 0,
    CpuStat = 2,
    Buffer = 3,
    TraceClock = 4,
    Uname = 5,
    Offset = 7,
    CpuCount = 8,
    HeaderInfo = 16,
    FtraceEvents = 17,
    EventFormats = 18,
    Kallsyms = 19,
    Printk = 20,
    Cmdlines = 21,
}
