using System.Diagnostics;
using Swiotlb.Trace.Binary;
using Swiotlb.Trace.TraceDat.Metadata;
using Swiotlb.Trace.TraceDat.Ring;

namespace Swiotlb.Trace.Benchmarks;

/// <summary>
/// The floor a trace.dat reader stands on: the file's metadata, then every CPU's pages decompressed and walked event
/// header by event header, counting events, each CPU on a thread of its own. Nothing is decoded, merged or allocated
/// per event; it decompresses as <c>inspect</c> does (the same page sources), so the ratio of the two is what decoding,
/// merging and summarising cost.
/// </summary>
internal static class PageWalker
{
    public static int Walk(string path)
    {
        var clock = Stopwatch.StartNew();
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16);
        var layout = LayoutReader.Read(stream, path);
        var file = new PositionalReader(stream);
        var cursors = (from buffer in layout.Buffers
                       let regions = CpuRegions.Usable(buffer.Cpus, file.Length, (_, _, _) => { })
                       from region in regions
                       select new CpuEventCursor(Pages(file, layout, buffer, region, regions.Count), region.Cpu, layout.RingHeader, layout.Order,
                           (_, _, _) => { }, _ => { })).ToList();
        var counts = new long[cursors.Count];
        Parallel.For(0, cursors.Count, i =>
        {
            while (cursors[i].MoveNext())
                counts[i]++;
        });
        Console.WriteLine($"{counts.Sum():N0} events walked, {clock.Elapsed.TotalSeconds:F2} s");
        return 0;
    }

    private static IPageSource Pages(PositionalReader file, TraceDatLayout layout, BufferLayout buffer, CpuDataRegion region, int cpus) =>
        buffer.IsCompressed
            ? new CompressedPageSource(file, region, buffer.PageSize, layout.Codec!.CreateDecompressor(), layout.Codec.Name, layout.Order,
                RingMemoryBudget.PerCpu(cpus, buffer.PageSize))
            : new PlainPageSource(file, region, buffer.PageSize);
}
