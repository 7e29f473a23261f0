using System.IO.Compression;
using ZstdSharp;

namespace Swiotlb.Trace.Tests.TraceDat.Writing;

/// <summary>A compression algorithm as a trace.dat v7 names it in its header, and its block compressor.</summary>
internal sealed record BlockCompressor(string Name, string Version, Func<byte[], byte[]> Compress)
{
    public static BlockCompressor? For(TraceDatFileKind kind) => kind switch
    {
        TraceDatFileKind.V7Zstd => new("zstd", "1.5.4", data => new Compressor(3).Wrap(data).ToArray()),
        TraceDatFileKind.V7Zlib => new("zlib", "1.2.13", Zlib),
        _ => null,
    };

    private static byte[] Zlib(byte[] data)
    {
        using var output = new MemoryStream();
        using (var zlib = new ZLibStream(output, CompressionLevel.Optimal, leaveOpen: true))
            zlib.Write(data);
        return output.ToArray();
    }
}
