using System.CommandLine;
using Swiotlb.Trace.Diff.Findings;
using Swiotlb.Trace.Diff.Findings.Rules;

namespace Swiotlb.Trace.Cli.Commands;

/// <summary><c>--fail-on</c>: which findings make the exit code 1, by the names of <see cref="FindingRules"/>.</summary>
public static class FailOn
{
    public static Option<string[]> Option() => new("--fail-on")
    {
        Description = "Findings that make the exit code 1, comma-separated or repeated: " +
            string.Join(", ", FindingRules.All.Select(r => r.JudgesObserved ? $"{r.Name} ({r.Detects})" : r.Name)) + " (default: all).",
        AllowMultipleArgumentsPerToken = true,
    };

    /// <exception cref="UsageException">A name is not a finding kind.</exception>
    public static IReadOnlySet<FindingRule> Parse(string[]? values)
    {
        var names = (values ?? []).SelectMany(v => v.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)).ToList();
        if (names.Count == 0)
            return FindingRules.All.ToHashSet();
        return names.Select(name => FindingRules.Named(name.ToLowerInvariant())
            ?? throw new UsageException($"--fail-on '{name}': expected {string.Join(", ", FindingRules.Names)}")).ToHashSet();
    }

    /// <summary>Exit code 1 when a selected kind was found under any model, else 0.</summary>
    public static ExitCode ExitCodeFor(ReplaySummary summary, IReadOnlySet<FindingRule> failOn) =>
        failOn.Any(rule => summary.Count(rule) > 0) ? ExitCode.Findings : ExitCode.Clean;
}
