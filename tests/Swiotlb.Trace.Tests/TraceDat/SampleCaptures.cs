namespace Swiotlb.Trace.Tests.TraceDat;

/// <summary>The repository's real captures, found by walking up from the test binaries.</summary>
internal static class SampleCaptures
{
    public static string Directory { get; } = Locate();

    /// <summary>Every <c>trace.dat</c>, <c>trace-v6.dat</c> and <c>trace-v7-plain.dat</c>, relative to <see cref="Directory"/>.</summary>
    public static IEnumerable<string> TraceDatFiles() =>
        System.IO.Directory.EnumerateFiles(Directory, "*.dat", SearchOption.AllDirectories)
            .Where(f => Path.GetFileName(f) is "trace.dat" or "trace-v6.dat" or "trace-v7-plain.dat")
            .Select(f => Path.GetRelativePath(Directory, f))
            .Order(StringComparer.Ordinal);

    public static string PathOf(string relative) => Path.Combine(Directory, relative);

    private static string Locate()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var captures = Path.Combine(dir.FullName, "samples", "captures");
            if (System.IO.Directory.Exists(captures))
            {
                return captures;
            }
        }

        throw new DirectoryNotFoundException($"no samples/captures above {AppContext.BaseDirectory}");
    }
}
