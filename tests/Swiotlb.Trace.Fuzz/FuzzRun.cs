namespace Swiotlb.Trace.Fuzz;

/// <summary>What one mutant did to one verb, and whether that was acceptable.</summary>
public sealed record MutantOutcome(int Index, Seed Seed, string Verb, MutationKind Kind, string What, int ExitCode, TimeSpan Elapsed,
    long PeakRssBytes, string? Failure, string[] Arguments)
{
    public override string ToString() =>
        $"#{Index} {Seed.Format} / {Verb} / {Kind} ({What}): exit {ExitCode}, {Elapsed.TotalMilliseconds:F0} ms, {PeakRssBytes >> 20} MiB" +
        (Failure is null ? "" : $" — FAILED: {Failure}");
}

/// <summary>Limits every mutant must stay within: its wall time and the peak RSS of its process.</summary>
public sealed record FuzzLimits(TimeSpan TimePerMutant, long PeakRssBytes)
{
    public static FuzzLimits Default { get; } = new(TimeSpan.FromSeconds(30), 256L << 20);
}

/// <summary>
/// Runs seeded mutants of the real captures through every verb, each as a fresh <c>dotnet swiotrace.dll</c> process (so
/// its peak RSS is what a user's run costs, not this harness's footprint): each must end with exit code 0, 1 or 2, an
/// input error as one line, no stack trace, within the time and peak-RSS limits.
/// </summary>
/// <param name="debug">Pass <c>--debug</c> so a failure's report carries the stack trace (to fix it, not to judge it).</param>
public sealed class FuzzRun(int seed, FuzzLimits limits, string workFolder, bool debug = false)
{
    public static readonly string[] Verbs = ["inspect", "replay", "validate", "diff", "export"];
    private readonly Dictionary<string, byte[]> _originals = [];

    /// <summary>Mutant <paramref name="index"/> of this run's seed: always the same seed file, mutation, verb and bytes.</summary>
    public MutantOutcome Run(int index)
    {
        var random = new Random(unchecked(seed * 1_000_003 + index));
        var target = Seeds.All[index % Seeds.All.Count];
        var verb = Verbs[index / Seeds.All.Count % Verbs.Length];
        var kinds = Mutator.KindsFor(target);
        var kind = kinds[random.Next(kinds.Length)];
        var (bytes, what) = Mutator.Mutate(Original(target), target, kind, random);
        var folder = Path.Combine(workFolder, $"m{index}");
        Directory.CreateDirectory(folder);
        try
        {
            var capture = Lay(folder, target, bytes, kind == MutationKind.Gzipped || kind == MutationKind.CompressionBomb);
            string[] arguments = [.. Arguments(verb, capture, folder), .. debug ? new[] { "--debug" } : []];
            return Execute(index, target, verb, kind, what, arguments, folder);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private MutantOutcome Execute(int index, Seed target, string verb, MutationKind kind, string what, string[] arguments, string folder)
    {
        var standardError = Path.Combine(folder, "stderr.txt");
        var child = ChildProcess.Run(Swiotrace.Dotnet, [Swiotrace.Assembly, .. arguments], Path.Combine(folder, "stdout.txt"), standardError, limits.TimePerMutant);
        var error = File.ReadAllText(standardError);
        var failure = child.TimedOut ? $"no result within {limits.TimePerMutant.TotalSeconds:F0} s (hang, killed)"
            : child.Signal != 0 ? $"exit {child.ExitCode} (killed by signal {child.Signal}): {FirstLine(error)}"
            : Judge(child.ExitCode, error, child.PeakRssBytes);
        if (debug && failure is not null)
            failure += Environment.NewLine + error;
        return new MutantOutcome(index, target, verb, kind, what, child.ExitCode, child.Elapsed, child.PeakRssBytes, failure, arguments);
    }

    private string? Judge(int exit, string error, long peak)
    {
        if (exit is not (0 or 1 or 2))
            return $"exit {exit}: {FirstLine(error)}";
        if (error.Contains("   at ", StringComparison.Ordinal) || error.Contains("Unhandled", StringComparison.Ordinal))
            return $"stack trace on stderr: {FirstLine(error)}";
        var errors = error.Split('\n').Count(line => line.StartsWith("swiotrace: error:", StringComparison.Ordinal) || line.StartsWith("swiotrace: internal", StringComparison.Ordinal));
        if (exit == 2 && errors != 1)
            return $"exit 2 with {errors} error lines: {FirstLine(error)}";
        if (peak > limits.PeakRssBytes)
            return $"peak RSS {peak >> 20} MiB above {limits.PeakRssBytes >> 20} MiB";
        return null;
    }

    private static string FirstLine(string text) => text.Split('\n')[0];

    private byte[] Original(Seed target)
    {
        if (!_originals.TryGetValue(target.RelativePath, out var bytes))
            _originals[target.RelativePath] = bytes = File.ReadAllBytes(Path.Combine(Seeds.CapturesFolder, target.RelativePath));
        return bytes;
    }

    /// <summary>Writes the mutant where a user would have it: with the capture's uname.txt beside it, or (a mutated dmesg)
    /// as the sibling of the real trace.txt. Returns the path to give the verb.</summary>
    private static string Lay(string folder, Seed target, byte[] bytes, bool gzipped)
    {
        var sourceFolder = Path.GetDirectoryName(Path.Combine(Seeds.CapturesFolder, target.RelativePath))!;
        var captureFolder = target.RelativePath.Contains("/blk/", StringComparison.Ordinal) ? Path.GetDirectoryName(sourceFolder)! : sourceFolder;
        var uname = Path.Combine(captureFolder, "uname.txt");
        if (File.Exists(uname))
            File.Copy(uname, Path.Combine(folder, "uname.txt"));
        var name = Path.GetFileName(target.RelativePath);
        if (name == "dmesg.txt")
        {
            File.WriteAllBytes(Path.Combine(folder, gzipped ? "dmesg.txt.gz" : "dmesg.txt"), bytes);
            File.Copy(Path.Combine(captureFolder, "trace.txt"), Path.Combine(folder, "trace.txt"));
            return Path.Combine(folder, "trace.txt");
        }
        var path = Path.Combine(folder, gzipped ? name + ".gz" : name);
        File.WriteAllBytes(path, bytes);
        return path;
    }

    private static string[] Arguments(string verb, string capture, string folder) => verb switch
    {
        "inspect" => ["inspect", capture, "--format", "json"],
        "replay" => ["replay", capture, "--format", "json"],
        "validate" => ["validate", capture, "--model", "linux-6.1"],
        "diff" => ["diff", capture, "--model", "linux-5.10", "--against", "linux-6.1"],
        _ => ["export", capture, "-o", Path.Combine(folder, "export"), "--format", "csv"],
    };
}
