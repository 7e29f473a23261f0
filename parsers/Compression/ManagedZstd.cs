using ZstdSharp;

namespace Swiotlb.Trace.Compression;

/// <summary>zstd by the managed port (ZstdSharp), where the platform has no libzstd.</summary>
internal sealed class ManagedZstd : IBlockDecompressor
{
    private readonly Decompressor _decompressor = new();

    public bool TryDecompress(ReadOnlySpan<byte> source, Span<byte> destination)
    {
        try
        {
            return _decompressor.TryUnwrap(source, destination, out var written) && written == destination.Length;
        }
        catch (ZstdException)
        {
            return false;
        }
    }

    public void Dispose() => _decompressor.Dispose();
}
