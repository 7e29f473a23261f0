using Swiotlb.Trace.Binary;
using Swiotlb.Trace.Capture;

namespace Swiotlb.Trace.TraceDat.Metadata;

/// <summary>Reads the initial format of a trace.dat file and hands the rest to the reader for its version.</summary>
internal static class LayoutReader
{
    public static TraceDatLayout Read(Stream file, string fileName)
    {
        if (!file.CanSeek || !file.CanRead)
        {
            CaptureFormatException.Throw(CapturePosition.AtOffset(fileName, 0), "file: expected a readable, seekable stream (trace.dat is read by offsets)");
        }

        var cursor = MetadataCursor.OverFile(file, fileName, new ByteOrder(false), "file header");
        cursor.Expect("\x17\x08\x44tracing");
        var versionText = cursor.ReadCString("a version string");
        if (!int.TryParse(versionText, out var version) || version is not (6 or 7))
        {
            throw cursor.Fail($"version 6 or 7, found \"{versionText}\"");
        }

        var endian = cursor.ReadByte();
        var longSize = cursor.ReadByte();
        if (endian > 1 || longSize is not (4 or 8))
        {
            throw cursor.Fail($"an endianness flag 0 or 1 and a long size 4 or 8, found {endian} and {longSize}");
        }

        cursor = MetadataCursor.OverFile(file, fileName, new ByteOrder(endian == 1), "file header");
        var pageSize = cursor.ReadUInt32();
        if (pageSize is < 64 or > 1 << 24)
        {
            throw cursor.Fail($"a page size between 64 bytes and 16 MiB, found {pageSize}");
        }

        var layout = new TraceDatLayout(version, cursor.Order, longSize, (int)pageSize);
        if (version == 6)
        {
            V6LayoutReader.Read(cursor, layout);
        }
        else
        {
            V7LayoutReader.Read(cursor, layout);
        }

        return layout;
    }
}
