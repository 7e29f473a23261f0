namespace Swiotlb.Trace.Cli.Input;

/// <summary>
/// What a capture argument names: <c>-</c> (standard input), a file (plain, FIFO, <c>/dev/stdin</c>, <c>.gz</c>/<c>.zst</c>/<c>.xz</c>),
/// a capture directory (its trace.dat or trace.txt, whose siblings give the kernel facts), or blktrace files.
/// </summary>
public static class CapturePath
{
    /// <summary>The argument that reads the capture from standard input.</summary>
    public const string StandardInput = "-";

    /// <summary>How messages name standard input.</summary>
    public const string StandardInputName = "stdin";

    private static readonly string[] TraceFiles = ["trace.dat", "trace.txt"];
    private static readonly string[] CompressedSuffixes = ["", ".zst", ".gz", ".xz"];
    private const string BlktraceMarker = ".blktrace.";

    /// <summary>The file a directory argument stands for (its trace.dat, else trace.txt, compressed or not), else the
    /// directory itself when it holds blktrace files (or a <c>blk/</c> folder that does); any other argument as given.</summary>
    /// <exception cref="Commands.UsageException">A directory that holds no capture.</exception>
    public static string Resolve(string argument)
    {
        if (argument == StandardInput || !Directory.Exists(argument))
            return argument;
        foreach (var name in TraceFiles)
            foreach (var suffix in CompressedSuffixes)
                if (File.Exists(Path.Combine(argument, name + suffix)))
                    return Path.Combine(argument, name + suffix);
        if (HoldsBlktrace(argument))
            return argument;
        var blk = Path.Combine(argument, "blk");
        if (Directory.Exists(blk) && HoldsBlktrace(blk))
            return blk;
        throw new Commands.UsageException(
            $"{argument}: a directory with no capture in it (expected trace.dat, trace.txt, optionally .zst/.gz/.xz, or NAME{BlktraceMarker}N files)");
    }

    /// <summary>The folder whose uname.txt and dmesg.txt describe the capture, or null for standard input.</summary>
    public static string? SiblingFolder(string argument)
    {
        var resolved = Resolve(argument);
        if (resolved == StandardInput)
            return null;
        return Directory.Exists(resolved) ? Path.GetFullPath(resolved) : Path.GetDirectoryName(Path.GetFullPath(resolved));
    }

    /// <summary>How reports and messages name the capture.</summary>
    public static string DisplayName(string resolved) => resolved == StandardInput ? StandardInputName : resolved;

    private static bool HoldsBlktrace(string directory) =>
        Directory.EnumerateFiles(directory, "*" + BlktraceMarker + "*").Any();
}
