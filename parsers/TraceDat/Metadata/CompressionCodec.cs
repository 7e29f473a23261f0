using System.IO.Compression;
using ZstdSharp;

namespace Swiotlb.Trace.TraceDat.Metadata;

/// <summary>Decompresses the blocks of a compressed trace.dat (v7): zstd or zlib, named in the file header.</summary>
internal sealed class CompressionCodec
{
    private readonly Decompressor? _zstd;

    private CompressionCodec(string name, Decompressor? zstd)
    {
        Name = name;
        _zstd = zstd;
    }

    public string Name { get; }

    /// <summary>The codec for the header's algorithm name, or null when trace.dat names one this reader does not know.</summary>
    public static CompressionCodec? ForName(string name) => name switch
    {
        "zstd" => new CompressionCodec(name, new Decompressor()),
        "zlib" => new CompressionCodec(name, null),
        _ => null,
    };

    /// <summary>Decompresses <paramref name="source"/> into exactly <paramref name="destination"/>; false when the data is corrupt or of another size.</summary>
    public bool TryDecompress(ReadOnlySpan<byte> source, Span<byte> destination)
    {
        try
        {
            return _zstd is not null ? DecompressZstd(source, destination) : DecompressZlib(source, destination);
        }
        catch (Exception e) when (e is ZstdException or InvalidDataException or ArgumentException)
        {
            return false;
        }
    }

    private bool DecompressZstd(ReadOnlySpan<byte> source, Span<byte> destination) =>
        _zstd!.TryUnwrap(source, destination, out var written) && written == destination.Length;

    private static bool DecompressZlib(ReadOnlySpan<byte> source, Span<byte> destination)
    {
        using var input = new MemoryStream(source.ToArray(), writable: false);
        using var zlib = new ZLibStream(input, CompressionMode.Decompress);
        var written = zlib.ReadAtLeast(destination, destination.Length, throwOnEndOfStream: false);
        return written == destination.Length && zlib.ReadByte() < 0;
    }
}
