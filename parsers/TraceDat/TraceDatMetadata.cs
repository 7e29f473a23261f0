using System.Collections.Immutable;

namespace Swiotlb.Trace.TraceDat;

/// <summary>What a trace.dat file says about itself.</summary>
/// <param name="Version">The file format version (6 or 7).</param>
/// <param name="Compression">The compression algorithm and version (<c>zstd 1.5.4</c>), or <c>none</c>.</param>
/// <param name="CpuCount">CPUs of the traced machine (the CPUCOUNT option, else the CPUs with data).</param>
/// <param name="KernelRelease">The kernel release from the UNAME option (e.g. <c>6.1.0-54-amd64</c>), null when absent.</param>
/// <param name="Clock">The trace clock of the first buffer (e.g. <c>global</c>), null when not recorded.</param>
/// <param name="Buffers">The recorded buffers: the top one has the empty name, instances their own.</param>
/// <param name="LostEventsPerCpu">Events the kernel reported lost per CPU (CPUSTAT <c>overrun</c> + <c>dropped events</c>), for the CPUs whose stats the file records.</param>
public sealed record TraceDatMetadata(
    int Version,
    string Compression,
    bool IsBigEndian,
    int LongSize,
    int PageSize,
    int CpuCount,
    string? KernelRelease,
    string? Clock,
    ImmutableArray<string> Buffers,
    ImmutableDictionary<int, long> LostEventsPerCpu);
