using Swiotlb.Trace.Diff.Findings.Rules;

namespace Swiotlb.Trace.Diff.Comparison;

/// <summary>
/// How one mapping or NVMe command fares differently under the candidate model than under the baseline: the worse or
/// better side of one condition of a finding rule (<see cref="Rule"/>), or a bounce address that moved with the same
/// verdicts. Every transition is made from the rules of <see cref="FindingRules"/> (<see cref="Transitions"/>).
/// </summary>
public sealed class Transition
{
    internal Transition(string name, string wording, ChangeDirection direction, FindingRule? rule, FindingSubject subject, int order)
    {
        Name = name;
        Wording = wording;
        Direction = direction;
        Rule = rule;
        Subject = subject;
        Order = order;
    }

    /// <summary>Its name in JSON, e.g. <c>maskBroken</c>.</summary>
    public string Name { get; }

    /// <summary>e.g. "min_align_mask respected → broken".</summary>
    public string Wording { get; }

    public ChangeDirection Direction { get; }

    /// <summary>The <c>--fail-on</c> rule it regresses or repairs; none for a moved bounce.</summary>
    public FindingRule? Rule { get; }

    public FindingSubject Subject { get; }

    /// <summary>Its place among transitions of one direction: the catalogue's order of rules.</summary>
    public int Order { get; }

    public string Units => Subject.Units();

    public override string ToString() => Name;
}
