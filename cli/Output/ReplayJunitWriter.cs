using Swiotlb.Trace.Diff.Findings;
using Swiotlb.Trace.Diff.Findings.Rules;
using Swiotlb.Trace.Diff.Replaying;

namespace Swiotlb.Trace.Cli.Output;

/// <summary>
/// The <c>replay</c> report as JUnit XML for CI: one test suite per model, one test case per device × check. A check
/// with findings fails, carrying the count and the first offenders; a check <c>--fail-on</c> does not select is skipped.
/// The run's facts are the first suite's properties; every suite carries the replay's time (its models ran in one pass).
/// </summary>
public static class ReplayJunitWriter
{
    private const int OffendersShown = 10;

    public static void Write(CaptureReplay replay, IReadOnlySet<FindingRule> failOn, TextWriter output)
    {
        var checks = DeviceChecks.Of(replay.Summary, failOn).ToList();
        var facts = ReplayFacts.Of(replay).Select(f => (f.Label, f.Value)).ToList();
        var models = checks.Any(c => c.Model == ModelKey.Observed) ? [ModelKey.Observed, .. replay.Summary.Models] : replay.Summary.Models;
        JunitXml.Write(output, $"swiotrace replay {Path.GetFileName(replay.Metadata.File)}", replay.Elapsed, replay.Started,
            [.. models.Select(model => new JunitXml.Suite(model.Name, [.. checks.Where(c => c.Model == model).Select(Case)], facts))]);
    }

    private static JunitXml.Case Case(DeviceCheck check) => new(check.Model.Name, $"{check.Device} {check.Name}", check.Name,
        Failure: check.Fails ? $"{check.Describe()} under {check.Model}" : null,
        FailureText: check.Fails ? OffenderText(check) : null,
        Skipped: !check.Fails && !check.Selected ? $"not selected by --fail-on; {check.Describe()}" : null);

    private static string OffenderText(DeviceCheck check)
    {
        var lines = new List<string> { $"{check.Describe()}; the first {Math.Min(OffendersShown, check.FirstOffenders.Count)}:" };
        lines.AddRange(check.FirstOffenders.Take(OffendersShown));
        if (check.Count > OffendersShown)
            lines.Add($"... and {check.Count - OffendersShown} more");
        return string.Join('\n', lines);
    }
}
