namespace Swiotlb.Trace.Compression;

/// <summary>Decompresses whole blocks whose decompressed size is known (trace.dat v7 chunks and sections). One instance
/// is used by one thread at a time.</summary>
internal interface IBlockDecompressor : IDisposable
{
    /// <summary>Decompresses <paramref name="source"/> into exactly <paramref name="destination"/>; false when the data is
    /// corrupt or of another size.</summary>
    bool TryDecompress(ReadOnlySpan<byte> source, Span<byte> destination);
}
