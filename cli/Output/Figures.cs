using System.Globalization;

namespace Swiotlb.Trace.Cli.Output;

/// <summary>How reports print times and addresses.</summary>
public static class Figures
{
    /// <summary>Nanoseconds as <c>SECONDS.NANOSECONDS</c>, exactly, with no floating point.</summary>
    public static string Seconds(long nanoseconds) =>
        string.Create(CultureInfo.InvariantCulture, $"{nanoseconds / 1_000_000_000}.{Math.Abs(nanoseconds % 1_000_000_000):D9}");

    public static string Hex(ulong value) => $"0x{value:x}";
}
