using System.Globalization;

namespace Swiotlb.Trace.Capture;

/// <summary>Reads <see cref="KernelFacts"/> from <c>uname -a</c> output (plus the command line and CPU count lines the captures add) and from a kernel log.</summary>
public static class KernelFactsReader
{
    /// <summary><c>uname.txt</c>: <c>uname -a</c>, then <c>/proc/cmdline</c>, then <c>nproc</c>.</summary>
    public static KernelFacts FromUname(IReadOnlyList<string> lines)
    {
        var words = lines.Count > 0 ? lines[0].Split(' ', StringSplitOptions.RemoveEmptyEntries) : [];
        var (host, release) = words is ["Linux", var node, var r, ..] ? (node, r) : default((string?, string?));
        var commandLine = lines.Count > 1 && lines[1].Trim().Length > 0 ? lines[1].Trim() : null;
        int? cpus = lines.Count > 2 && int.TryParse(lines[2].Trim(), out var n) ? n : null;
        return new KernelFacts(release, commandLine, cpus, Host: host);
    }

    /// <summary>A kernel log (dmesg, console): the lines swiotlb, the NVMe driver and SMP boot print.</summary>
    public static KernelFacts FromLog(IEnumerable<string> lines)
    {
        var facts = KernelFacts.None;
        var nvme = new List<string>();
        var drivers = new Dictionary<string, string>(StringComparer.Ordinal);
        void Bound(string function, string driver)
        {
            if (drivers.Count < MaxDevices)
                drivers.TryAdd(function, driver);
        }
        foreach (var line in lines)
        {
            var message = MessageOf(line);
            if (DriverLine(message) is { } bound)
                Bound(bound.Function, bound.Driver);
            if (message.StartsWith("Linux version ", StringComparison.Ordinal))
                facts = facts with { Release = facts.Release ?? message[14..].Split(' ')[0] };
            else if (message.StartsWith("Kernel command line: ", StringComparison.Ordinal))
                facts = facts with { CommandLine = message[21..].Trim() };
            else if (TryBetween(message, "smpboot: Allowing ", " CPUs", out var allowed) && int.TryParse(allowed, out var cpus))
                facts = facts with { PossibleCpus = cpus };
            else if (TryBetween(message, "software IO TLB: area num ", ".", out var areas) && int.TryParse(areas, out var areaCount))
                facts = facts with { AreaCount = areaCount };
            else if (TryBetween(message, "software IO TLB: mapped [mem ", "]", out var range) && TryParseRange(range, out var start, out var end))
                facts = facts with { PoolStart = start, PoolBytes = end - start + 1 };
            else if (message.StartsWith("nvme nvme", StringComparison.Ordinal) && TryBetween(message, ": pci function ", "\n", out var function))
            {
                nvme.Add(function.Trim());
                Bound(nvme[^1], "nvme");
            }
        }
        return facts with { NvmeFunctions = nvme, DeviceDrivers = drivers };
    }

    /// <summary>More PCI functions than a machine has are not a boot log.</summary>
    private const int MaxDevices = 1024;

    /// <summary>The PCI core and port services print about every function; they are not the driver that binds it.</summary>
    private static readonly string[] NotDrivers = ["pci", "pcieport", "pci_bus"];

    /// <summary><c>DRIVER DDDD:BB:DD.F: …</c>, a driver's <c>dev_info</c> about the PCI function it bound.</summary>
    private static (string Driver, string Function)? DriverLine(string message)
    {
        var space = message.IndexOf(' ');
        if (space <= 0 || message.Length < space + 1 + PciFunctionLength + 1 || message[space + 1 + PciFunctionLength] != ':')
            return null;
        var function = message.AsSpan(space + 1, PciFunctionLength);
        var driver = message[..space];
        return IsPciFunction(function) && Array.IndexOf(NotDrivers, driver) < 0 ? (driver, function.ToString()) : null;
    }

    private const int PciFunctionLength = 12;

    /// <summary><c>0000:00:04.0</c>: domain, bus, device and function in hex.</summary>
    private static bool IsPciFunction(ReadOnlySpan<char> text) =>
        text[4] == ':' && text[7] == ':' && text[10] == '.'
        && IsHex(text[..4]) && IsHex(text[5..7]) && IsHex(text[8..10]) && char.IsAsciiDigit(text[11]);

    private static bool IsHex(ReadOnlySpan<char> text)
    {
        foreach (var c in text)
            if (!char.IsAsciiHexDigitLower(c) && !char.IsAsciiDigit(c))
                return false;
        return true;
    }

    private static string MessageOf(string line)
    {
        var close = line.StartsWith('[') ? line.IndexOf("] ", StringComparison.Ordinal) : -1;
        return close < 0 ? line : line[(close + 2)..];
    }

    private static bool TryBetween(string text, string before, string after, out string between)
    {
        between = "";
        var start = text.IndexOf(before, StringComparison.Ordinal);
        if (start < 0)
            return false;
        start += before.Length;
        var end = after == "\n" ? text.Length : text.IndexOf(after, start, StringComparison.Ordinal);
        if (end < 0)
            return false;
        between = text[start..end];
        return true;
    }

    /// <summary><c>0x0000000037d00000-0x000000003bd00000</c>.</summary>
    private static bool TryParseRange(string range, out ulong start, out ulong end)
    {
        start = end = 0;
        var parts = range.Split('-');
        return parts.Length == 2
            && ulong.TryParse(parts[0].Replace("0x", "", StringComparison.Ordinal), NumberStyles.HexNumber, CultureInfo.InvariantCulture, out start)
            && ulong.TryParse(parts[1].Replace("0x", "", StringComparison.Ordinal), NumberStyles.HexNumber, CultureInfo.InvariantCulture, out end);
    }
}
