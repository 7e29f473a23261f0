namespace Swiotlb.Trace.TraceDat.Metadata;

/// <summary>
/// Checks a buffer's per-CPU table against the file before anything is read or sized by it: a CPU id the kernel can
/// have, one region per CPU, regions starting inside the file and not sharing the bytes the file holds. A region the
/// file ends inside is kept (its pages report the cut). Every region dropped is reported, never silently left out.
/// </summary>
internal static class CpuRegions
{
    /// <summary>The largest <c>NR_CPUS</c> a kernel is built with (x86-64 <c>MAXSMP</c>).</summary>
    public const int MaxCpus = 8192;

    public static List<CpuDataRegion> Usable(IReadOnlyList<CpuDataRegion> regions, long fileLength, Action<CpuDataRegion, string, string> warn)
    {
        var kept = new List<CpuDataRegion>();
        var seen = new HashSet<int>();
        var dataEnd = (End: 0L, Cpu: -1);
        foreach (var region in regions.OrderBy(r => r.Offset))
        {
            if (Refusal(region, fileLength, seen, dataEnd) is { } problem)
            {
                warn(region, problem, $"CPU {region.Cpu}'s events");
                continue;
            }

            seen.Add(region.Cpu);
            var inFile = Math.Min(region.Size, fileLength - region.Offset);
            kept.Add(region);
            if (inFile > 0)
            {
                dataEnd = (region.Offset + inFile, region.Cpu);
            }
        }

        kept.Sort((a, b) => a.Cpu.CompareTo(b.Cpu));
        return kept;
    }

    private static string? Refusal(CpuDataRegion region, long fileLength, HashSet<int> seen, (long End, int Cpu) dataEnd)
    {
        if (region.Cpu is < 0 or >= MaxCpus)
        {
            return $"a CPU id below {MaxCpus} (NR_CPUS), found {region.Cpu}";
        }

        if (seen.Contains(region.Cpu))
        {
            return $"one data region per CPU, found a second for CPU {region.Cpu}";
        }

        if (region.Size < 0 || region.Size > 0 && (region.Offset < 0 || region.Offset >= fileLength))
        {
            return $"CPU data inside the file's {fileLength} bytes, found {region.Size} bytes at offset {region.Offset}";
        }

        if (region.Size > 0 && dataEnd.End > region.Offset)
        {
            return $"CPU data of its own, found bytes shared with CPU {dataEnd.Cpu}'s";
        }

        return null;
    }
}
