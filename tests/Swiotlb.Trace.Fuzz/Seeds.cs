namespace Swiotlb.Trace.Fuzz;

/// <summary>One real capture the mutants are made from: where it is in samples/captures and whether it is text.</summary>
public sealed record Seed(string Format, string RelativePath, bool IsText);

/// <summary>The real captures of every format swiotrace reads, small ones so a mutant runs in well under a second.</summary>
public static class Seeds
{
    public static IReadOnlyList<Seed> All { get; } =
    [
        new("ftrace text", "smoke-6.1.0/trace.txt", true),
        new("trace-cmd report", "smoke-6.1.0/trace-cmd-report.txt", true),
        new("trace_pipe stream", "smoke-6.1.0/trace-stream.txt", true),
        new("perf script", "smoke-6.1.0/perf-script.txt", true),
        new("console dump", "hang-6.1.0/console.log", true),
        new("trace.dat v7 zstd", "smoke-6.1.0/trace.dat", false),
        new("trace.dat v7 plain", "smoke-6.1.0/trace-v7-plain.dat", false),
        new("trace.dat v6", "smoke-6.1.0/trace-v6.dat", false),
        new("blktrace", "smoke-6.1.0/blk/nvme0n1.blktrace.0", false),
        new("dmesg beside a capture", "smoke-6.1.0/dmesg.txt", true),
    ];

    /// <summary>The folder holding samples/captures, found above the running binary.</summary>
    public static string CapturesFolder { get; } = FindCaptures();

    private static string FindCaptures()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Swiotlb.Trace.sln")))
                return Path.Combine(dir.FullName, "samples", "captures");
        throw new InvalidOperationException("Swiotlb.Trace.sln not found above the fuzz binaries");
    }
}
