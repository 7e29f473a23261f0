namespace Swiotlb.Trace.TraceDat.Metadata;

/// <summary>The largest decompressed size believed for a compressed block (256 times its compressed size, 1 MiB at least,
/// 64 MiB at most: a large kallsyms is 20 MiB), so a corrupt size field cannot claim gigabytes.</summary>
internal static class DecompressionLimit
{
    private const long MaxRatio = 256;
    private const long Floor = 1 << 20;
    private const long Ceiling = 64 << 20;

    public static long For(uint compressedSize) => Math.Min(Ceiling, Math.Max(Floor, compressedSize * MaxRatio));
}
