using Swiotlb.Trace.Compression;

namespace Swiotlb.Trace.TraceDat.Metadata;

/// <summary>
/// The compression a trace.dat (v7) names in its header: zstd (the platform's libzstd, else the managed port) or zlib
/// (the runtime's). Each CPU's page source takes a decompressor of its own (<see cref="CreateDecompressor"/>), so CPUs
/// decompress in parallel; the metadata sections share one.
/// </summary>
internal sealed class CompressionCodec : IDisposable
{
    private readonly Func<IBlockDecompressor> _create;
    private readonly IBlockDecompressor _metadata;

    private CompressionCodec(string name, Func<IBlockDecompressor> create)
    {
        Name = name;
        _create = create;
        _metadata = create();
    }

    public string Name { get; }

    /// <summary>The codec for the header's algorithm name, or null when trace.dat names one this reader does not know.</summary>
    public static CompressionCodec? ForName(string name) => name switch
    {
        "zstd" => new CompressionCodec(name, LibZstd.IsLoaded ? () => new LibZstd.Decompressor() : () => new ManagedZstd()),
        "zlib" => new CompressionCodec(name, () => new Zlib()),
        _ => null,
    };

    /// <summary>A decompressor for one thread's use.</summary>
    public IBlockDecompressor CreateDecompressor() => _create();

    /// <summary>Decompresses a metadata section into exactly <paramref name="destination"/>; false when the data is corrupt or of another size.</summary>
    public bool TryDecompress(ReadOnlySpan<byte> source, Span<byte> destination) => _metadata.TryDecompress(source, destination);

    public void Dispose() => _metadata.Dispose();
}
