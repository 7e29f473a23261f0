using Swiotlb.Trace.Replay.Allocator;

namespace Swiotlb.Trace.Cli.Record;

/// <summary>The ground-truth probes for one kernel: their lines for <paramref name="EventsFile"/>, the event group and
/// the event names they create.</summary>
/// <param name="Notes">What the layout leaves out and why (said in the recording's report).</param>
public sealed record ProbeLayout(string Group, string EventsFile, IReadOnlyList<string> Definitions, IReadOnlyList<string> Names, IReadOnlyList<string> Notes);

/// <summary>
/// The kprobes whose hits are the kernel's own answers (docs/DOMAIN.md §4): <c>swmap</c> on
/// <c>swiotlb_tbl_map_single</c>'s entry, <c>swmapret</c> on its return, <c>swunmap</c> on
/// <c>(__)swiotlb_tbl_unmap_single</c>. Arguments are fetched by position (<c>$argN</c>, on x86-64 and arm64 alike),
/// named as the readers expect; the pool's start is read from the pool symbol where its layout is known.
/// Signatures by release, from the kernels' own source: 5.10–5.15 <c>(dev, orig, msize, asize, dir, attrs)</c>;
/// 5.16–6.9 <c>(dev, orig, msize, asize, align, dir, attrs)</c>; 6.10+ <c>(dev, orig, msize, align, dir, attrs)</c>,
/// 7.x with <c>attrs</c> a pointer. The unmap lost <c>alloc_size</c> in 5.16 and became <c>__swiotlb_tbl_unmap_single</c>
/// (with a pool argument) in 6.10. Entry kprobes drop unmaps that land in an interrupt while another probe handler runs
/// (on 7.3 about a fifth; on 6.12 dozens per run, uncounted by kprobe_profile; docs/DOMAIN.md), so from 6.7 the probes
/// are fprobes (<c>dynamic_events</c>), which dropped none in the lab, when the kernel has them.
/// </summary>
public static class ProbeLayouts
{
    public const string KprobeGroup = "kprobes", FprobeGroup = "fprobes";

    /// <summary>The first release with fprobe events (<c>f:</c> in <c>dynamic_events</c>).</summary>
    public static readonly (int Major, int Minor) FirstFprobeEvents = (6, 7);
    public const string MapFunction = "swiotlb_tbl_map_single";

    public static ProbeLayout For(KernelRelease release, IReadOnlySet<string> symbols, bool hasFprobes = false)
    {
        var notes = new List<string>();
        bool fprobes = (release.Major, release.Minor).CompareTo(FirstFprobeEvents) >= 0 && hasFprobes;
        if ((release.Major, release.Minor).CompareTo(FirstFprobeEvents) >= 0 && !hasFprobes)
            notes.Add("this kernel has no fprobe events: its entry kprobes drop some unmaps; validate recovers them from dma:* and NVMe completions");
        var (group, file, entry, exit) = fprobes
            ? (FprobeGroup, "dynamic_events", "f", "f")
            : (KprobeGroup, "kprobe_events", "p", "r64");
        if (!symbols.Contains(MapFunction))
            return new ProbeLayout(group, file, [], [], [$"{MapFunction} is not in /proc/kallsyms: no ground-truth probes (the tracepoints are recorded)"]);
        var version = (release.Major, release.Minor);
        string arguments = version switch
        {
            _ when version.CompareTo((5, 16)) < 0 => "orig=$arg2:x64 msize=$arg3:x64 asize=$arg4:x64 dir=$arg5:x64 attrs=$arg6:x64",
            _ when version.CompareTo((6, 10)) < 0 => "orig=$arg2:x64 msize=$arg3:x64 asize=$arg4:x64 align=$arg5:x64 dir=$arg6:x64 attrs=$arg7:x64",
            _ when release.Major < 7 => "orig=$arg2:x64 msize=$arg3:x64 align=$arg4:x64 dir=$arg5:x64 attrs=$arg6:x64",
            _ => "orig=$arg2:x64 msize=$arg3:x64 align=$arg4:x64 dir=$arg5:x64 attrs=+0($arg6):x64",
        };
        var definitions = new List<string> { $"{entry}:{group}/swmap {MapFunction} dev=$arg1:x64 {arguments}{PoolArgument(version, symbols, notes)}" };
        var names = new List<string> { "swmap" };
        definitions.Add(fprobes ? $"{exit}:{group}/swmapret {MapFunction}%return ret=$retval:x64" : $"{exit}:{group}/swmapret {MapFunction} ret=$retval:x64");
        names.Add("swmapret");
        if (UnmapFunction(symbols) is { } unmap)
        {
            string unmapArguments = version.CompareTo((5, 16)) < 0
                ? "tlb=$arg2:x64 msize=$arg3:x64 asize=$arg4:x64 dir=$arg5:x64"
                : "tlb=$arg2:x64 msize=$arg3:x64 dir=$arg4:x64";
            definitions.Add($"{entry}:{group}/swunmap {unmap} dev=$arg1:x64 {unmapArguments}");
            names.Add("swunmap");
        }
        else
        {
            notes.Add("neither swiotlb_tbl_unmap_single nor __swiotlb_tbl_unmap_single is in /proc/kallsyms: unmaps come from dma:* or NVMe completions");
        }
        return new ProbeLayout(group, file, definitions, names, notes);
    }

    /// <summary>The unmap function this kernel has.</summary>
    public static string? UnmapFunction(IReadOnlySet<string> symbols) =>
        symbols.Contains("__swiotlb_tbl_unmap_single") ? "__swiotlb_tbl_unmap_single"
        : symbols.Contains("swiotlb_tbl_unmap_single") ? "swiotlb_tbl_unmap_single" : null;

    /// <summary><c>pool=</c>: 5.10–5.12 keep the start in <c>io_tlb_start</c>; from 5.16 <c>io_tlb_default_mem</c> is a
    /// struct whose first field is the start. 5.13–5.15 hold a pointer there: left out (the pool is inferred).</summary>
    private static string PoolArgument((int Major, int Minor) version, IReadOnlySet<string> symbols, List<string> notes)
    {
        if (symbols.Contains("io_tlb_start"))
            return " pool=@io_tlb_start:x64";
        if (symbols.Contains("io_tlb_default_mem") && version.CompareTo((5, 16)) >= 0)
            return " pool=@io_tlb_default_mem:x64";
        notes.Add("no pool symbol of a known layout: the pool's start is inferred from the bounce addresses when the capture is read");
        return "";
    }
}
