using System.Diagnostics;
using System.Globalization;

namespace Swiotlb.Trace.Cli.Record;

/// <summary>Writes a recording's self-describing capture folder, in the layout of the bundled captures (samples/captures):
/// the instance's text buffer as <c>trace.txt</c>, and beside it what the readers and the pool's inference use.</summary>
internal static class CaptureFolder
{
    private const string SwiotlbDebugfs = "/sys/kernel/debug/swiotlb";

    public static void Write(string folder, Tracefs tracefs, string instance, LiveKernel kernel, RecordPlan plan)
    {
        Directory.CreateDirectory(folder);
        using (var trace = File.OpenRead(tracefs.PathOf($"{instance}/trace")))
        using (var copy = File.Create(Path.Combine(folder, "trace.txt")))
            trace.CopyTo(copy);
        File.WriteAllLines(Path.Combine(folder, "kprobe_events.txt"), plan.Probes.Definitions);
        File.WriteAllLines(Path.Combine(folder, "kprobe_profile.txt"), ProbeProfile(tracefs, plan));
        File.WriteAllText(Path.Combine(folder, "set_event.txt"), tracefs.Read($"{instance}/set_event"));
        File.WriteAllLines(Path.Combine(folder, "ring-stats.txt"), RingStatistics(tracefs, instance));
        File.WriteAllLines(Path.Combine(folder, "formats.txt"), Formats(tracefs, plan));
        File.WriteAllLines(Path.Combine(folder, "uname.txt"),
            [$"Linux {Environment.MachineName} {kernel.Release} {kernel.Version} {kernel.Machine} GNU/Linux", kernel.CommandLine,
             kernel.PossibleCpus.ToString(CultureInfo.InvariantCulture)]);
        if (KernelLog() is { } log)
            File.WriteAllText(Path.Combine(folder, "dmesg.txt"), log);
        if (Directory.Exists(SwiotlbDebugfs))
            File.WriteAllLines(Path.Combine(folder, "swiotlb-debugfs.txt"),
                Directory.GetFiles(SwiotlbDebugfs).Order(StringComparer.Ordinal).Select(f => $"{f} {File.ReadAllText(f).Trim()}"));
    }

    /// <summary>The probes' lines of <c>kprobe_profile</c>: name, hits, misses (a miss is a hit the kernel dropped).</summary>
    public static IEnumerable<string> ProbeProfile(Tracefs tracefs, RecordPlan plan) =>
        !tracefs.Exists("kprobe_profile") ? [] :
        tracefs.Read("kprobe_profile").Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Where(line => plan.Probes.Names.Contains(line.Split(' ', 2)[0]));

    private static IEnumerable<string> RingStatistics(Tracefs tracefs, string instance)
    {
        var perCpu = tracefs.PathOf($"{instance}/per_cpu");
        if (!Directory.Exists(perCpu))
            yield break;
        foreach (var cpu in Directory.GetDirectories(perCpu, "cpu*").OrderBy(d => int.Parse(Path.GetFileName(d)[3..], CultureInfo.InvariantCulture)))
        {
            yield return $"== {Path.GetFileName(cpu)}";
            foreach (var line in File.ReadLines(Path.Combine(cpu, "stats")))
                yield return line;
        }
    }

    private static IEnumerable<string> Formats(Tracefs tracefs, RecordPlan plan)
    {
        foreach (var traceEvent in plan.Events)
        {
            var format = $"events/{traceEvent.Replace(':', '/')}/format";
            if (!tracefs.Exists(format))
                continue;
            yield return $"== {traceEvent.Replace(':', '/')}";
            yield return tracefs.Read(format).TrimEnd();
        }
    }

    /// <summary>The kernel log as <c>dmesg</c> prints it (what the readers of <c>dmesg.txt</c> expect), or null without one.</summary>
    private static string? KernelLog()
    {
        try
        {
            using var dmesg = Process.Start(new ProcessStartInfo("dmesg") { RedirectStandardOutput = true, UseShellExecute = false });
            if (dmesg is null)
                return null;
            var text = dmesg.StandardOutput.ReadToEnd();
            dmesg.WaitForExit();
            return dmesg.ExitCode == 0 ? text : null;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return null;
        }
    }
}
