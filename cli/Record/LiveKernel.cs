using System.Runtime.InteropServices;

using Swiotlb.Trace.Cli.Commands;

namespace Swiotlb.Trace.Cli.Record;

/// <summary>What <c>record</c> needs to know of the running kernel, read from <c>/proc</c>, <c>/sys</c> and tracefs.</summary>
/// <param name="Symbols">Those of <see cref="SymbolsOfInterest"/> that <c>/proc/kallsyms</c> lists.</param>
/// <param name="Events">tracefs <c>available_events</c>, as <c>system:name</c>.</param>
/// <param name="HasFprobes">tracefs takes fprobe events (its README documents <c>f[:[GRP/][EVENT]] FUNC[%return]</c>).</param>
public sealed record LiveKernel(string Release, string Version, string Machine, string CommandLine, int PossibleCpus, string Tracefs,
    IReadOnlySet<string> Symbols, IReadOnlySet<string> Events, bool HasFprobes = false)
{
    public static readonly IReadOnlyList<string> SymbolsOfInterest =
    [
        ProbeLayouts.MapFunction, "swiotlb_tbl_unmap_single", "__swiotlb_tbl_unmap_single", "io_tlb_default_mem", "io_tlb_start",
    ];

    /// <summary>kallsyms lines read at most: a kernel has a few hundred thousand symbols.</summary>
    private const int MaxKallsymsLines = 4_000_000;

    /// <exception cref="RecordException">Not Linux, or no tracefs is mounted.</exception>
    public static LiveKernel Read(string? tracefs)
    {
        if (!OperatingSystem.IsLinux())
            throw new RecordException("record traces a live Linux kernel; this is not Linux");
        var root = tracefs ?? FindTracefs()
            ?? throw new RecordException("no tracefs is mounted (none in /proc/mounts, no /sys/kernel/tracing/trace): mount -t tracefs nodev /sys/kernel/tracing");
        if (!File.Exists(Path.Combine(root, "available_events")))
            throw new RecordException($"{root}: not a tracefs (no available_events); give the mount point with --tracefs");
        return new LiveKernel(
            ReadLine("/proc/sys/kernel/osrelease"), ReadLine("/proc/sys/kernel/version"), MachineName(), ReadLine("/proc/cmdline"),
            CountCpus(ReadLine("/sys/devices/system/cpu/possible")), root,
            KallsymsNames("/proc/kallsyms"), File.ReadLines(Path.Combine(root, "available_events")).Select(l => l.Trim()).ToHashSet(),
            File.Exists(Path.Combine(root, "README")) && File.ReadAllText(Path.Combine(root, "README")).Contains("f[:[", StringComparison.Ordinal));
    }

    /// <summary>The tracefs mount point from <c>/proc/mounts</c>, else the usual place.</summary>
    private static string? FindTracefs()
    {
        foreach (var line in File.ReadLines("/proc/mounts"))
        {
            var fields = line.Split(' ');
            if (fields.Length > 2 && fields[2] == "tracefs")
                return fields[1];
        }
        return File.Exists("/sys/kernel/tracing/trace") ? "/sys/kernel/tracing" : null;
    }

    /// <summary>The CPUs of <c>/sys/devices/system/cpu/possible</c> (<c>0-3</c>, <c>0,2-5</c>).</summary>
    public static int CountCpus(string ranges)
    {
        int count = 0;
        foreach (var range in ranges.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var bounds = range.Split('-');
            int first = int.Parse(bounds[0]), last = bounds.Length > 1 ? int.Parse(bounds[1]) : first;
            count += last - first + 1;
        }
        return Math.Max(count, 1);
    }

    private static IReadOnlySet<string> KallsymsNames(string path)
    {
        var wanted = SymbolsOfInterest.ToHashSet();
        var found = new HashSet<string>();
        foreach (var line in File.ReadLines(path).Take(MaxKallsymsLines))
        {
            int name = line.LastIndexOf(' ') + 1;
            int module = line.IndexOf('\t', name);
            var symbol = module < 0 ? line[name..] : line[name..module];
            if (wanted.Contains(symbol))
                found.Add(symbol);
        }
        return found;
    }

    private static string MachineName() => RuntimeInformation.OSArchitecture switch
    {
        Architecture.X64 => "x86_64",
        Architecture.Arm64 => "aarch64",
        var other => other.ToString().ToLowerInvariant(),
    };

    private static string ReadLine(string path) =>
        File.Exists(path) ? File.ReadAllText(path).Trim() : throw new RecordException($"{path}: not found (is /proc or /sys mounted?)");
}

/// <summary>Why a recording cannot start or go on: one line, exit code 2.</summary>
public sealed class RecordException(string message) : UsageException(message);
