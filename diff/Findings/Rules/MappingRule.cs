namespace Swiotlb.Trace.Diff.Findings.Rules;

/// <summary>A finding about one mapping under one model (or the kernel's own address).</summary>
public abstract class MappingRule : FindingRule
{
    public sealed override FindingSubject Subject => FindingSubject.Mapping;

    /// <summary>True when the mapping is a finding of this kind, false when not, null when this side cannot be judged.</summary>
    public abstract bool? Finds(MappingJudgement judgement);

    /// <summary>The evidence of one finding in a line: what the allocator or address did.</summary>
    public abstract string Detail(MappingJudgement judgement);

    /// <summary>The same evidence as fields, for the JSON reports.</summary>
    public abstract IReadOnlyList<FindingField> Evidence(MappingJudgement judgement);

    /// <summary>The conditions whose change between two models is a transition of this kind; by default the finding itself.</summary>
    public virtual IReadOnlyList<MappingCondition> Conditions => [new(Transitions, Finds)];

    /// <summary>The names of the finding's own transition.</summary>
    protected abstract TransitionNames Transitions { get; }
}
