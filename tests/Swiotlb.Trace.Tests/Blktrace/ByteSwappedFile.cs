using System.Buffers.Binary;

namespace Swiotlb.Trace.Tests.Blktrace;

/// <summary>Rewrites a little-endian blktrace file as a big-endian machine would have written it: header fields and timestamp pdus swapped, other pdus (big-endian or text) kept.</summary>
internal static class ByteSwappedFile
{
    private const int HeaderSize = 48;
    private const uint TimestampNote = (1u << 10 << 16) | 1;

    public static byte[] FromLittleEndian(byte[] file)
    {
        var swapped = (byte[])file.Clone();
        for (var offset = 0; offset + HeaderSize <= file.Length;)
        {
            var header = swapped.AsSpan(offset, HeaderSize);
            var action = BinaryPrimitives.ReadUInt32LittleEndian(header[28..]);
            var pduLength = BinaryPrimitives.ReadUInt16LittleEndian(header[46..]);
            foreach (var (at, size) in new[] { (0, 4), (4, 4), (8, 8), (16, 8), (24, 4), (28, 4), (32, 4), (36, 4), (40, 4), (44, 2), (46, 2) })
                header.Slice(at, size).Reverse();
            if (action == TimestampNote)
            {
                swapped.AsSpan(offset + HeaderSize, 4).Reverse();
                swapped.AsSpan(offset + HeaderSize + 4, 4).Reverse();
            }
            offset += HeaderSize + pduLength;
        }
        return swapped;
    }
}
