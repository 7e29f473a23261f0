namespace Swiotlb.Trace.Cli.Output;

/// <summary>Byte sizes as reports print them.</summary>
public static class Sizes
{
    public static string Short(ulong bytes) => bytes switch
    {
        >= 1 << 20 when bytes % (1 << 20) == 0 => $"{bytes >> 20}M",
        >= 1 << 10 when bytes % (1 << 10) == 0 => $"{bytes >> 10}K",
        _ => $"{bytes}",
    };
}
