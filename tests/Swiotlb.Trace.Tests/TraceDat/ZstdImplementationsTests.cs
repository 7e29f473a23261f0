using System.Buffers.Binary;
using Swiotlb.Trace.Compression;
using Swiotlb.Trace.TraceDat.Metadata;
using Swiotlb.Trace.Tests.Support;

namespace Swiotlb.Trace.Tests.TraceDat;

/// <summary>
/// The platform's libzstd and the managed port (the fallback where libzstd does not load, or with
/// <c>SWIOTRACE_MANAGED_ZSTD=1</c>) give the same bytes for every compressed chunk of every bundled zstd capture, and
/// both refuse the same chunk cut short. The chunks are found here by the v7 framing (<c>u32 count</c>, then
/// <c>u32 csize, u32 usize, data</c>), read independently of the reader's page source.
/// </summary>
public sealed class ZstdImplementationsTests
{
    public static TheoryData<string> ZstdCaptures() => [.. Samples.FoldersWith("trace.dat").Where(IsZstd)];

    [Fact]
    public void The_platform_library_is_loaded_on_a_debian_machine() =>
        Assert.True(LibZstd.IsLoaded, "libzstd.so.1 (Debian's libzstd1) did not load: trace.dat zstd would use the slower managed port");

    [Theory]
    [MemberData(nameof(ZstdCaptures))]
    public void Both_implementations_decompress_every_chunk_to_the_same_bytes(string capture)
    {
        using var native = new LibZstd.Decompressor();
        using var managed = new ManagedZstd();
        var chunks = Chunks(capture).ToList();

        Assert.NotEmpty(chunks);
        foreach (var (compressed, size, offset) in chunks)
        {
            var byNative = new byte[size];
            var byManaged = new byte[size];
            Assert.True(native.TryDecompress(compressed, byNative), $"{capture}@{offset}: libzstd refused the chunk");
            Assert.True(managed.TryDecompress(compressed, byManaged), $"{capture}@{offset}: ZstdSharp refused the chunk");
            Assert.True(byNative.AsSpan().SequenceEqual(byManaged), $"{capture}@{offset}: the two gave different bytes");
        }
    }

    [Theory]
    [MemberData(nameof(ZstdCaptures))]
    public void Both_implementations_refuse_a_chunk_cut_short_or_given_the_wrong_size(string capture)
    {
        using var native = new LibZstd.Decompressor();
        using var managed = new ManagedZstd();
        var (compressed, size, _) = Chunks(capture).First();
        var cut = compressed.AsSpan(0, compressed.Length / 2);

        Assert.False(native.TryDecompress(cut, new byte[size]));
        Assert.False(managed.TryDecompress(cut, new byte[size]));
        Assert.False(native.TryDecompress(compressed, new byte[size + 1]));
        Assert.False(managed.TryDecompress(compressed, new byte[size + 1]));
    }

    private static bool IsZstd(string capture)
    {
        using var file = File.OpenRead(Samples.Capture(Path.Combine(capture, "trace.dat")));
        return LayoutReader.Read(file, capture).Codec?.Name == "zstd";
    }

    private static IEnumerable<(byte[] Compressed, int Size, long Offset)> Chunks(string capture)
    {
        var path = Samples.Capture(Path.Combine(capture, "trace.dat"));
        using var file = File.OpenRead(path);
        var layout = LayoutReader.Read(file, path);
        var bytes = File.ReadAllBytes(path);
        foreach (var region in layout.Buffers.Where(b => b.IsCompressed).SelectMany(b => b.Cpus).Where(r => r.Size > 0))
        {
            var at = (int)region.Offset;
            var count = BinaryPrimitives.ReadUInt32LittleEndian(bytes.AsSpan(at));
            at += 4;
            for (var i = 0; i < count; i++)
            {
                var compressedSize = (int)BinaryPrimitives.ReadUInt32LittleEndian(bytes.AsSpan(at));
                var size = (int)BinaryPrimitives.ReadUInt32LittleEndian(bytes.AsSpan(at + 4));
                yield return (bytes.AsSpan(at + 8, compressedSize).ToArray(), size, at);
                at += 8 + compressedSize;
            }
        }
    }
}
