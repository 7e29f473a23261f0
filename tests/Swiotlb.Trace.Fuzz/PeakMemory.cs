namespace Swiotlb.Trace.Fuzz;

/// <summary>This process's peak resident set (VmHWM), resettable between mutants through <c>/proc/self/clear_refs</c>.</summary>
public static class PeakMemory
{
    /// <summary>Returns what the last mutant left to the OS (an aggressive, compacting collection decommits it), then resets the peak to the current RSS.</summary>
    public static void Reset()
    {
        GC.Collect(2, GCCollectionMode.Aggressive, blocking: true, compacting: true);
        GC.WaitForPendingFinalizers();
        try
        {
            File.WriteAllText("/proc/self/clear_refs", "5");
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
    }

    /// <summary>Peak RSS in bytes since the last <see cref="Reset"/> (0 where /proc is missing).</summary>
    public static long Bytes()
    {
        if (!File.Exists("/proc/self/status"))
            return 0;
        foreach (var line in File.ReadLines("/proc/self/status"))
            if (line.StartsWith("VmHWM:", StringComparison.Ordinal))
                return long.Parse(line[6..].Trim().Split(' ')[0], System.Globalization.CultureInfo.InvariantCulture) * 1024;
        return 0;
    }
}
