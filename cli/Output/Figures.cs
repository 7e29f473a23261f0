using System.Globalization;

namespace Swiotlb.Trace.Cli.Output;

/// <summary>How reports print times and addresses.</summary>
public static class Figures
{
    /// <summary>Nanoseconds as <c>SECONDS.NANOSECONDS</c>, exactly, with no floating point.</summary>
    public static string Seconds(long nanoseconds) =>
        string.Create(CultureInfo.InvariantCulture, $"{nanoseconds / 1_000_000_000}.{Math.Abs(nanoseconds % 1_000_000_000):D9}");

    /// <summary>A duration in milliseconds, to the microsecond.</summary>
    public static string Milliseconds(long nanoseconds) => (nanoseconds / 1e6).ToString("0.###", CultureInfo.InvariantCulture);

    public static string Hex(ulong value) => $"0x{value:x}";

    /// <summary>A size as a kernel engineer says it: <c>2 MiB (0x200000)</c>, <c>128 KiB (0x20000)</c>, <c>512 B (0x200)</c>.</summary>
    public static string Size(ulong bytes) => bytes switch
    {
        >= 1 << 20 when bytes % (1 << 20) == 0 => $"{bytes >> 20} MiB ({Hex(bytes)})",
        >= 1 << 10 when bytes % (1 << 10) == 0 => $"{bytes >> 10} KiB ({Hex(bytes)})",
        _ => $"{bytes} B ({Hex(bytes)})",
    };
}
