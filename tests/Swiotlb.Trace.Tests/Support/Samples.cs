namespace Swiotlb.Trace.Tests.Support;

/// <summary>The real captures bundled in <c>samples/captures</c>.</summary>
public static class Samples
{
    public static string Root { get; } = FindRoot();

    public static string Captures => Path.Combine(Root, "samples", "captures");

    public static string Capture(string relativePath) => Path.Combine(Captures, relativePath);

    /// <summary>Every capture folder that has the given file.</summary>
    public static IEnumerable<string> FoldersWith(string fileName) =>
        Directory.GetDirectories(Captures).Where(d => File.Exists(Path.Combine(d, fileName))).Select(Path.GetFileName).Order()!;

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Swiotlb.Trace.sln")))
                return dir.FullName;
        throw new InvalidOperationException("Swiotlb.Trace.sln not found above the test binaries");
    }
}
