namespace Swiotlb.Trace.TraceDat.Metadata;

/// <summary>One CPU's ring-buffer pages in the file: plain pages, or (v7 compressed) a chunk count and chunks.</summary>
internal sealed record CpuDataRegion(int Cpu, long Offset, long Size);

/// <summary>One recorded buffer (the top buffer or an instance) and where its CPUs' data is.</summary>
internal sealed record BufferLayout(string Name, string? Clock, int PageSize, bool IsCompressed, IReadOnlyList<CpuDataRegion> Cpus);
