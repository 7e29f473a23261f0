using System.IO.Compression;

namespace Swiotlb.Trace.Compression;

/// <summary>zlib by the runtime's native zlib (System.IO.Compression), reading the block where it lies.</summary>
internal sealed class Zlib : IBlockDecompressor
{
    public unsafe bool TryDecompress(ReadOnlySpan<byte> source, Span<byte> destination)
    {
        if (source.IsEmpty)
            return false; // not a zlib stream; fixing an empty span would give the stream a null pointer
        fixed (byte* from = source)
        {
            using var input = new UnmanagedMemoryStream(from, source.Length);
            try
            {
                using var zlib = new ZLibStream(input, CompressionMode.Decompress);
                var written = zlib.ReadAtLeast(destination, destination.Length, throwOnEndOfStream: false);
                return written == destination.Length && zlib.ReadByte() < 0;
            }
            catch (InvalidDataException)
            {
                return false;
            }
        }
    }

    public void Dispose()
    {
    }
}
