namespace Swiotlb.Trace.Diff.Findings.Rules;

/// <summary>The catalogue of finding rules, in the order every report lists them.</summary>
public static class FindingRules
{
    public static readonly TruncationRule Truncation = new();
    public static readonly PrpRule Prp = new();
    public static readonly FailureRule Failure = new();
    public static readonly HangRule Hang = new();
    public static readonly ObservedRule Observed = new();

    public static IReadOnlyList<FindingRule> All { get; } = Numbered([Truncation, Prp, Failure, Hang, Observed]);

    public static IReadOnlyList<MappingRule> Mappings { get; } = [.. All.OfType<MappingRule>()];

    public static IReadOnlyList<CommandRule> Commands { get; } = [.. All.OfType<CommandRule>()];

    /// <summary>The rules that predict under a model: the checks of a model's row and the kinds a <c>diff</c> compares.</summary>
    public static IReadOnlyList<FindingRule> Predictions { get; } = [.. All.Where(r => !r.JudgesObserved)];

    public static IReadOnlyList<string> Names { get; } = [.. All.Select(r => r.Name)];

    /// <summary>The rule of that <c>--fail-on</c> name (exactly, in lower case), or null.</summary>
    public static FindingRule? Named(string name) => All.FirstOrDefault(r => r.Name == name);

    private static IReadOnlyList<FindingRule> Numbered(FindingRule[] rules)
    {
        for (var i = 0; i < rules.Length; i++)
            rules[i].Index = i;
        return rules;
    }
}
