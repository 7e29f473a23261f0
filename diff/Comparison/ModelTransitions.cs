using Swiotlb.Trace.Diff.Findings.Rules;

namespace Swiotlb.Trace.Diff.Comparison;

/// <summary>How many of a device's mappings (or commands) made one transition, of those both models answered.</summary>
public sealed record TransitionCount(string Device, Transition Kind, Tally Tally);

/// <summary>
/// The per-mapping and per-command comparison of two models on one capture: counts per device and transition,
/// regressions first, and the first examples of each.
/// </summary>
/// <param name="Regressed">Mappings (commands, for PRPs) that regressed, each counted once per <c>--fail-on</c> rule.</param>
public sealed record ModelTransitions(
    IReadOnlyList<TransitionCount> Counts, IReadOnlyDictionary<FindingRule, long> Regressed,
    IReadOnlyList<MappingTransition> Mappings, IReadOnlyList<CommandTransition> Commands)
{
    /// <summary>Mappings or commands that regressed in a way <c>--fail-on</c> <paramref name="rule"/> selects.</summary>
    public long Regressions(FindingRule rule) => Regressed.GetValueOrDefault(rule);

    public IEnumerable<MappingTransition> MappingsOf(TransitionCount count) =>
        Mappings.Where(t => t.Kind == count.Kind && t.Device == count.Device);

    public IEnumerable<CommandTransition> CommandsOf(TransitionCount count) =>
        Commands.Where(t => t.Kind == count.Kind && t.Device == count.Device);
}
