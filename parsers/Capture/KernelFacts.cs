namespace Swiotlb.Trace.Capture;

/// <summary>What the kernel told about itself in files beside a capture (<c>uname.txt</c>, <c>dmesg.txt</c>): what a replay needs to size the pool.</summary>
/// <param name="Release">The kernel release, e.g. <c>6.1.0-54-amd64</c>.</param>
/// <param name="CommandLine">The kernel command line.</param>
/// <param name="PossibleCpus">CPUs the kernel allows (possible CPUs), which sets the number of areas.</param>
/// <param name="PoolStart">The pool's physical start (<c>software IO TLB: mapped [mem A-B]</c>).</param>
/// <param name="PoolBytes">The pool's size from the same line.</param>
/// <param name="AreaCount"><c>software IO TLB: area num N.</c> (6.0+).</param>
/// <param name="NvmeFunctions">PCI functions the NVMe driver bound (<c>nvme nvme0: pci function 0000:00:04.0</c>).</param>
/// <param name="Host">The machine's node name (<c>uname -n</c>; <c>(none)</c> on a guest that never set one).</param>
/// <param name="Debugfs">swiotlb's debugfs counters read when the capture ended (<c>swiotlb-debugfs.txt</c>).</param>
/// <param name="DeviceDrivers">PCI function → the driver that bound it, from the driver's own log lines
/// (<c>ahci 0000:00:06.0: AHCI 0001.0000 …</c>).</param>
public sealed record KernelFacts(
    string? Release = null,
    string? CommandLine = null,
    int? PossibleCpus = null,
    ulong? PoolStart = null,
    ulong? PoolBytes = null,
    int? AreaCount = null,
    IReadOnlyList<string>? NvmeFunctions = null,
    string? Host = null,
    SwiotlbCounters? Debugfs = null,
    IReadOnlyDictionary<string, string>? DeviceDrivers = null)
{
    public static KernelFacts None { get; } = new();

    /// <summary>Facts from <paramref name="other"/> fill what this one lacks.</summary>
    public KernelFacts Or(KernelFacts other) => new(
        Release ?? other.Release,
        CommandLine ?? other.CommandLine,
        PossibleCpus ?? other.PossibleCpus,
        PoolStart ?? other.PoolStart,
        PoolBytes ?? other.PoolBytes,
        AreaCount ?? other.AreaCount,
        NvmeFunctions is { Count: > 0 } ? NvmeFunctions : other.NvmeFunctions,
        Host ?? other.Host,
        Debugfs ?? other.Debugfs,
        DeviceDrivers is { Count: > 0 } ? DeviceDrivers : other.DeviceDrivers);

    /// <summary>True when the command line forces bouncing (<c>swiotlb=…,force</c> or <c>swiotlb=force</c>).</summary>
    public bool ForcesBouncing =>
        CommandLine?.Split(' ', StringSplitOptions.RemoveEmptyEntries)
            .Any(word => word.StartsWith("swiotlb=", StringComparison.Ordinal) && word[8..].Split(',').Contains("force")) == true;

    /// <summary><c>swiotlb=N[,M][,force]</c> on the command line: requested slots and areas.</summary>
    public (int? Slots, int? Areas) SwiotlbParameter()
    {
        if (CommandLine is null)
            return (null, null);
        (int? slots, int? areas) = (null, null);
        foreach (var word in CommandLine.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            if (!word.StartsWith("swiotlb=", StringComparison.Ordinal))
                continue;
            var parts = word[8..].Split(',');
            if (int.TryParse(parts[0], out var requested))
                slots = requested;
            if (parts.Length > 1 && int.TryParse(parts[1], out var requestedAreas))
                areas = requestedAreas;
        }
        return (slots, areas);
    }
}
