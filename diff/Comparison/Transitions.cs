using Swiotlb.Trace.Diff.Findings.Rules;

namespace Swiotlb.Trace.Diff.Comparison;

/// <summary>The transitions of the catalogue's predicting rules: a worse and a better one per condition of each mapping
/// rule and per command rule, ordered by rule and condition, and the moved bounce last.</summary>
public static class Transitions
{
    /// <summary>A mapping condition and the transitions its change makes.</summary>
    public sealed record OfMapping(MappingCondition Condition, Transition Worse, Transition Better);

    /// <summary>A command rule and the transitions its change makes.</summary>
    public sealed record OfCommand(CommandRule Rule, Transition Worse, Transition Better);

    public static IReadOnlyList<OfMapping> Mappings { get; } =
    [
        .. FindingRules.Predictions.OfType<MappingRule>().SelectMany(rule => rule.Conditions.Select((condition, index) =>
            new OfMapping(condition, Worse(condition.Names, rule, index), Better(condition.Names, rule, index)))),
    ];

    public static IReadOnlyList<OfCommand> Commands { get; } =
    [
        .. FindingRules.Predictions.OfType<CommandRule>().Where(rule => rule.Transitions is not null).Select(rule =>
            new OfCommand(rule, Worse(rule.Transitions!, rule, 0), Better(rule.Transitions!, rule, 0))),
    ];

    /// <summary>Both placed the mapping, at different addresses, with the same verdicts.</summary>
    public static Transition BounceMoved { get; } =
        new("bounceMoved", "bounce address differs, same verdicts", ChangeDirection.Neutral, null, FindingSubject.Mapping, int.MaxValue);

    /// <summary>A rule has at most this many conditions: the order is the rule's, then the condition's.</summary>
    private const int ConditionsPerRule = 16;

    private static Transition Worse(TransitionNames names, FindingRule rule, int condition) =>
        new(names.Worse, names.WorseWording, ChangeDirection.Regression, rule, rule.Subject, rule.Index * ConditionsPerRule + condition);

    private static Transition Better(TransitionNames names, FindingRule rule, int condition) =>
        new(names.Better, names.BetterWording, ChangeDirection.Fix, rule, rule.Subject, rule.Index * ConditionsPerRule + condition);
}
