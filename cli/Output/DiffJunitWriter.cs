using Swiotlb.Trace.Diff.Comparison;
using Swiotlb.Trace.Diff.Findings;
using Swiotlb.Trace.Diff.Findings.Rules;

namespace Swiotlb.Trace.Cli.Output;

/// <summary>
/// The <c>diff</c> report as JUnit XML for CI: one suite, one case per check (truncation, prp, failure, hang) and device. A
/// check whose figures or single mappings and commands regressed fails with what regressed; one <c>--fail-on</c> does not
/// select is skipped; a check with no regression (fixes and neutral changes included) passes.
/// </summary>
public static class DiffJunitWriter
{
    public static void Write(DiffReport report, IReadOnlySet<FindingRule> failOn, TimeSpan elapsed, DateTimeOffset started, TextWriter output)
    {
        var devices = report.Changes.Select(c => c.Device)
            .Concat(report.Transitions?.Counts.Select(c => c.Device) ?? []).Distinct().Order(StringComparer.Ordinal).ToList();
        var cases = FindingRules.Predictions
            .SelectMany(kind => devices.Select(device => Case(report, failOn, kind, device))).ToList();
        JunitXml.Write(output, $"swiotrace diff {DiffWording.Side(report.Baseline)} -> {DiffWording.Side(report.Candidate)}", elapsed, started,
            [new JunitXml.Suite("diff", cases, [("baseline", DiffWording.Side(report.Baseline)), ("candidate", DiffWording.Side(report.Candidate)),
                .. report.Pairing.Select(line => ("pairing", line))])]);
    }

    private static JunitXml.Case Case(DiffReport report, IReadOnlySet<FindingRule> failOn, FindingRule kind, string device)
    {
        var name = kind.Name;
        var regressions = report.Changes.Where(c => c.Device == device && c.FailsAs == kind && c.Direction == ChangeDirection.Regression)
            .Select(c => $"{DiffWording.Figure(c)}: {DiffWording.Value(c, c.Baseline)} -> {DiffWording.Value(c, c.Candidate)}")
            .Concat(report.Transitions?.Counts.Where(c => c.Device == device && c.Kind.Rule == kind && c.Kind.Direction == ChangeDirection.Regression)
                .Select(c => $"{c.Kind.Wording}: {c.Tally.Count} of {c.Tally.OutOf} {c.Kind.Units}") ?? [])
            .ToList();
        if (regressions.Count == 0)
            return new JunitXml.Case("diff", $"{device} {name}", name);
        var message = $"{regressions.Count} {name} regression(s) on {device}";
        return failOn.Contains(kind)
            ? new JunitXml.Case("diff", $"{device} {name}", name, Failure: message, FailureText: string.Join('\n', regressions))
            : new JunitXml.Case("diff", $"{device} {name}", name, Skipped: $"not selected by --fail-on; {message}");
    }
}
