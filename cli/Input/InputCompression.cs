using System.IO.Compression;
using SharpCompress.Compressors.Xz;
using ZstdSharp;

namespace Swiotlb.Trace.Cli.Input;

/// <summary>Compressed captures, told by their magic bytes: gzip, zstd and xz (xz through SharpCompress's managed
/// decoder, so no xz binary or native library is needed).</summary>
public static class InputCompression
{
    private static ReadOnlySpan<byte> Gzip => [0x1f, 0x8b];
    private static ReadOnlySpan<byte> Zstd => [0x28, 0xb5, 0x2f, 0xfd];
    private static ReadOnlySpan<byte> Xz => [0xfd, (byte)'7', (byte)'z', (byte)'X', (byte)'Z', 0x00];

    /// <summary>The name of the compression the head shows, or null for an uncompressed capture.</summary>
    public static string? Detect(ReadOnlySpan<byte> head) =>
        head.StartsWith(Gzip) ? "gzip" : head.StartsWith(Zstd) ? "zstd" : head.StartsWith(Xz) ? "xz" : null;

    /// <summary>A stream of the decompressed bytes of <paramref name="compressed"/> (which it owns); corrupt data ends the
    /// read with a <see cref="Capture.CaptureFormatException"/> naming the capture.</summary>
    public static Stream Decompress(string compression, Stream compressed, string name) =>
        new CheckedDecompression(Decoder(compression, compressed), compression, name);

    private static Stream Decoder(string compression, Stream compressed) => compression switch
    {
        "gzip" => new GZipStream(compressed, CompressionMode.Decompress),
        "zstd" => new DecompressionStream(compressed),
        "xz" => new XZStream(compressed),
        _ => throw new ArgumentOutOfRangeException(nameof(compression), compression, "not a compression swiotrace reads"),
    };
}
