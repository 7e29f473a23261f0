using System.Globalization;
using Swiotlb.Trace.Diff.Pool;
using Swiotlb.Trace.Replay.Pool;

namespace Swiotlb.Trace.Cli.Output;

/// <summary>The pool report's headline, the same in every format.</summary>
public static class PoolVerdict
{
    /// <summary>The failures the verdict counts: the kernel's own when the capture shows its answers, else the first model's.</summary>
    public static int Failures(PoolAnalysis analysis) => Judged(analysis).FailureCount;

    /// <summary>The kernel's pool when the capture shows it, else the first model's.</summary>
    public static PoolObserver Judged(PoolAnalysis analysis) => analysis.Observed?.Observer ?? analysis.Models[0].Observer;

    public static string Headline(PoolAnalysis analysis)
    {
        var judged = Judged(analysis);
        var whose = analysis.Observed is null ? $"{analysis.Models[0].Model.Name} (replayed)" : "the kernel";
        var failures = judged.FailureCount == 0
            ? $"{whose}: no mapping failed"
            : $"{whose}: {judged.FailureCount} mapping{(judged.FailureCount == 1 ? "" : "s")} failed ({Causes(judged)})";
        var peak = $"peak {judged.PeakUsedSlots} of {judged.Geometry.SlotCount} slots ({Percent(judged.PeakUsedSlots, judged.Geometry.SlotCount)})";
        var sweep = analysis.Sweep.Count == 0 ? ""
            : analysis.Smallest is { } smallest ? $"; smallest pool without failures: {smallest.Pool} ({analysis.RecommendedArgument})"
            : "; no pool swept is free of failures";
        return $"{failures}; {peak}{sweep}";
    }

    /// <summary><c>fragmented 26, pool exhausted 1</c>, the most frequent first.</summary>
    public static string Causes(PoolObserver observer) => string.Join(", ", Enum.GetValues<FailureCause>()
        .Select(cause => (cause, count: observer.FailuresOf(cause))).Where(c => c.count > 0)
        .OrderByDescending(c => c.count).Select(c => $"{Name(c.cause)} {c.count}"));

    public static string Name(FailureCause cause) => cause switch
    {
        FailureCause.PoolExhausted => "pool exhausted",
        FailureCause.AreasSplit => "free slots split over areas",
        FailureCause.Fragmented => "fragmented",
        FailureCause.AddressBits => "no run with the required address bits",
        FailureCause.EndlessSearch => "endless search",
        FailureCause.ClockSkew => "clock skew between CPUs",
        FailureCause.Unexplained => "unexplained",
        _ => throw new ArgumentOutOfRangeException(nameof(cause), cause, "a failure cause without a name"),
    };

    /// <summary>The cause as a sentence about the state the search met.</summary>
    public static string Explain(FailureExplanation failure) => failure.Cause switch
    {
        FailureCause.PoolExhausted => $"only {failure.FreeSlots} slots free in the whole pool",
        FailureCause.AreasSplit => $"{failure.FreeSlots} slots free in the pool, but no area has {failure.SlotsNeeded} of its own",
        FailureCause.Fragmented => $"{failure.FreeSlots} slots free, but no free run of {failure.SlotsNeeded} inside a segment (largest {failure.LargestFreeRun})",
        FailureCause.AddressBits => $"a free run of {failure.LargestFreeRun} exists, but none starts at a slot with the address bits the search requires",
        FailureCause.EndlessSearch => "the search never ends: it spins under the area lock",
        FailureCause.ClockSkew when failure.Skew is { } skew =>
            $"the pool had room by the capture's timestamps, but CPU {skew.Cpu}'s mappings stamped up to {Figures.Milliseconds(skew.LaterByNs)} ms later fill it: they ran before this search",
        FailureCause.Unexplained => "the model would have found slots here: not explained by the pool's state",
        _ => throw new ArgumentOutOfRangeException(nameof(failure), failure.Cause, "a failure cause without an explanation"),
    };

    public static string Percent(long part, long whole) =>
        whole == 0 ? "0%" : ((double)part / whole).ToString("0.#%", CultureInfo.InvariantCulture);
}
