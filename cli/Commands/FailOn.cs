using System.CommandLine;
using Swiotlb.Trace.Diff.Findings;

namespace Swiotlb.Trace.Cli.Commands;

/// <summary><c>--fail-on</c>: which findings make the exit code 1.</summary>
public static class FailOn
{
    public static readonly IReadOnlyList<string> Names = ["truncation", "prp", "failure", "hang", "observed"];

    public static Option<string[]> Option() => new("--fail-on")
    {
        Description = "Findings that make the exit code 1, comma-separated or repeated: truncation, prp, failure, hang, observed (NVMe commands the kernel's own addresses broke) (default: all).",
        AllowMultipleArgumentsPerToken = true,
    };

    /// <exception cref="ArgumentException">A name is not a finding kind.</exception>
    public static IReadOnlySet<FindingKind> Parse(string[]? values)
    {
        var names = (values ?? []).SelectMany(v => v.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)).ToList();
        if (names.Count == 0)
            return Enum.GetValues<FindingKind>().ToHashSet();
        return names.Select(name => Enum.TryParse<FindingKind>(name, ignoreCase: true, out var kind) && FailOnName(kind) == name.ToLowerInvariant()
            ? kind
            : throw new ArgumentException($"--fail-on '{name}': expected {string.Join(", ", Names)}")).ToHashSet();
    }

    public static string FailOnName(FindingKind kind) => kind.ToString().ToLowerInvariant();

    /// <summary>Exit code 1 when a selected kind was found under any model, else 0.</summary>
    public static ExitCode ExitCodeFor(ReplaySummary summary, IReadOnlySet<FindingKind> failOn) =>
        failOn.Any(kind => summary.Count(kind) > 0) ? ExitCode.Findings : ExitCode.Clean;
}
