namespace Swiotlb.Trace.Diff.Findings.Rules;

/// <summary>How a mapping or command that fares differently under two models is named: worse (a regression of the rule)
/// and better (a fix), in JSON and in words.</summary>
/// <param name="Worse">JSON name of the regression, e.g. <c>maskBroken</c>.</param>
/// <param name="WorseWording">e.g. "min_align_mask respected → broken".</param>
public sealed record TransitionNames(string Worse, string Better, string WorseWording, string BetterWording);
