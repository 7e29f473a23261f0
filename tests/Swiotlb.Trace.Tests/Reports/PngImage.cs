using System.Buffers.Binary;
using System.IO.Compression;

namespace Swiotlb.Trace.Tests.Reports;

/// <summary>Just enough PNG reading to tell a screenshot from a blank one: size from IHDR, and the inflated image data.</summary>
public sealed record PngImage(int Width, int Height, byte[] FilteredRows)
{
    private static readonly byte[] Signature = [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0d, 0x0a, 0x1a, 0x0a];

    public static PngImage Read(string path)
    {
        var bytes = File.ReadAllBytes(path);
        Assert.True(bytes.AsSpan(0, 8).SequenceEqual(Signature), $"{path} is not a PNG");
        int width = 0, height = 0;
        using var compressed = new MemoryStream();
        for (var offset = 8; offset + 8 <= bytes.Length;)
        {
            var length = BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(offset));
            var type = System.Text.Encoding.ASCII.GetString(bytes, offset + 4, 4);
            var data = bytes.AsSpan(offset + 8, length);
            if (type == "IHDR")
                (width, height) = (BinaryPrimitives.ReadInt32BigEndian(data), BinaryPrimitives.ReadInt32BigEndian(data[4..]));
            else if (type == "IDAT")
                compressed.Write(data);
            offset += 12 + length;
        }
        compressed.Position = 0;
        using var inflated = new MemoryStream();
        using (var zlib = new ZLibStream(compressed, CompressionMode.Decompress))
            zlib.CopyTo(inflated);
        return new PngImage(width, height, inflated.ToArray());
    }

    /// <summary>Distinct byte values in the filtered rows: a blank page has a handful, a page with text and plots most of 256.</summary>
    public int DistinctByteValues => FilteredRows.Distinct().Count();
}
