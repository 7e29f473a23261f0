using System.Text;
using Swiotlb.Trace.Binary;
using Swiotlb.Trace.Capture;

namespace Swiotlb.Trace.TraceDat.Metadata;

/// <summary>
/// Reads the metadata of a trace.dat file (headers, sections, options) from a stream: the file itself,
/// or one decompressed section. Every failure becomes a <see cref="CaptureFormatException"/> that names
/// the section and the file offset.
/// </summary>
internal sealed class MetadataCursor
{
    private const int MaxStringLength = 4096;
    private readonly Stream _stream;
    private readonly long _end;
    private readonly long? _compressedSectionOffset;
    private readonly byte[] _scratch = new byte[8];

    private MetadataCursor(Stream stream, long end, string fileName, ByteOrder order, string section, long? compressedSectionOffset)
    {
        _stream = stream;
        _end = end;
        FileName = fileName;
        Order = order;
        Section = section;
        _compressedSectionOffset = compressedSectionOffset;
    }

    /// <summary>A cursor over the file itself, up to its end.</summary>
    public static MetadataCursor OverFile(Stream file, string fileName, ByteOrder order, string section) =>
        new(file, file.Length, fileName, order, section, null);

    /// <summary>A cursor over a section's decompressed bytes; errors report the section's file offset.</summary>
    public static MetadataCursor OverDecompressed(byte[] data, string fileName, ByteOrder order, string section, long sectionOffset) =>
        new(new MemoryStream(data, writable: false), data.Length, fileName, order, section, sectionOffset);

    public string FileName { get; }
    public ByteOrder Order { get; }
    public string Section { get; private set; }

    /// <summary>The cursor's position in its stream (a file offset unless the section was compressed).</summary>
    public long Position => _stream.Position;

    public long Remaining => _end - _stream.Position;

    /// <summary>The same stream, read as another section (error messages name the new section).</summary>
    public MetadataCursor For(string section)
    {
        Section = section;
        return this;
    }

    public void Seek(long offset, string section)
    {
        Section = section;
        if (offset < 0 || offset > _end)
        {
            throw Fail($"an offset inside the file (0..{_end}), found {offset}");
        }

        _stream.Position = offset;
    }

    public byte ReadByte() => ReadScratch(1)[0];
    public ushort ReadUInt16() => Order.UInt16(ReadScratch(2));
    public uint ReadUInt32() => Order.UInt32(ReadScratch(4));
    public ulong ReadUInt64() => Order.UInt64(ReadScratch(8));

    /// <summary>Reads <paramref name="length"/> bytes, refusing lengths beyond the data left (a corrupt size).</summary>
    public byte[] ReadBytes(ulong length, string what)
    {
        if (length > (ulong)Remaining)
        {
            throw Fail($"{what} of {length} bytes, but only {Remaining} remain");
        }

        var bytes = new byte[length];
        FillOrFail(bytes, what);
        return bytes;
    }

    public void Skip(ulong length, string what)
    {
        if (length > (ulong)Remaining)
        {
            throw Fail($"{what} of {length} bytes, but only {Remaining} remain");
        }

        _stream.Position += (long)length;
    }

    public string ReadText(ulong length, string what) => Encoding.UTF8.GetString(ReadBytes(length, what)).TrimEnd('\0');

    /// <summary>Reads a NUL-terminated string.</summary>
    public string ReadCString(string what)
    {
        var bytes = new List<byte>();
        while (true)
        {
            if (Remaining <= 0)
            {
                throw Fail($"{what} ending in NUL before the end of the data");
            }

            var b = ReadByte();
            if (b == 0)
            {
                return Encoding.UTF8.GetString(bytes.ToArray());
            }

            if (bytes.Count == MaxStringLength)
            {
                throw Fail($"{what} shorter than {MaxStringLength} bytes");
            }

            bytes.Add(b);
        }
    }

    /// <summary>Reads exactly the bytes of <paramref name="literal"/> (which may include NULs).</summary>
    public void Expect(string literal)
    {
        var start = Position;
        var expected = Encoding.ASCII.GetBytes(literal);
        var found = new byte[expected.Length];
        FillOrFail(found, $"\"{Printable(literal)}\"");
        if (!found.AsSpan().SequenceEqual(expected))
        {
            _stream.Position = start;
            throw Fail($"\"{Printable(literal)}\", found \"{Printable(Encoding.Latin1.GetString(found))}\"");
        }
    }

    /// <summary>The input error for what was expected here (<c>FILE@OFFSET: SECTION: expected …</c>), for the caller to throw.</summary>
    public CaptureFormatException Fail(string expected)
    {
        var offset = _compressedSectionOffset ?? _stream.Position;
        var where = _compressedSectionOffset is null ? "" : $" (byte {_stream.Position} of the decompressed section)";
        return new CaptureFormatException(CapturePosition.AtOffset(FileName, offset), $"{Section}: expected {expected}{where}");
    }

    private ReadOnlySpan<byte> ReadScratch(int length)
    {
        FillOrFail(_scratch.AsSpan(0, length), $"a {length}-byte integer");
        return _scratch.AsSpan(0, length);
    }

    private void FillOrFail(Span<byte> destination, string what)
    {
        var start = _stream.Position;
        var read = _stream.ReadAtLeast(destination, destination.Length, throwOnEndOfStream: false);
        if (read < destination.Length || _stream.Position > _end)
        {
            _stream.Position = start;
            throw Fail($"{what}, but the data ends after {read} bytes");
        }
    }

    private static string Printable(string text) => text.Replace("\0", "\\0", StringComparison.Ordinal);
}
