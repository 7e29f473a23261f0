namespace Swiotlb.Trace.Tests.Blktrace;

/// <summary>The real captures under samples/captures that hold a blktrace (<c>blk/</c>) folder.</summary>
internal static class SampleCaptures
{
    public static string Root { get; } = FindRoot();

    public static TheoryData<string> WithBlktrace()
    {
        var data = new TheoryData<string>();
        foreach (var folder in Directory.EnumerateDirectories(Root).Where(f => Directory.Exists(Path.Combine(f, "blk"))).Order())
            data.Add(Path.GetFileName(folder));
        return data;
    }

    public static string BlkFolder(string capture) => Path.Combine(Root, capture, "blk");

    /// <summary>The smallest real per-CPU file, for tests that read it many times.</summary>
    public static string SmallCpuFile => Path.Combine(BlkFolder("smoke-6.1.0"), "nvme0n1.blktrace.1");

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "samples", "captures");
            if (Directory.Exists(candidate))
                return candidate;
        }
        throw new DirectoryNotFoundException("samples/captures not found above " + AppContext.BaseDirectory);
    }
}
