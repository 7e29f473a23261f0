using System.Text.Json;
using Swiotlb.Trace.Cli.Commands;
using Swiotlb.Trace.Cli.Output;
using Swiotlb.Trace.Diff.Comparison;
using Swiotlb.Trace.Diff.Findings.Rules;
using Swiotlb.Trace.Tests.Support;

namespace Swiotlb.Trace.Tests.Replaying;

/// <summary>
/// The catalogue of finding rules is what every consumer enumerates: a rule entered there is parsed by <c>--fail-on</c>,
/// counted, checked per device, named in the verdict and the JSON, and compared by <c>diff</c>, with no other list to
/// keep in step.
/// </summary>
public sealed class FindingCatalogueTests
{
    private const string Capture = "mkfs-xfs-6.1.0/trace.txt";

    [Fact]
    public void Rules_have_distinct_one_word_lower_case_names_in_their_catalogue_order()
    {
        Assert.Equal(["truncation", "prp", "failure", "hang", "observed"], FindingRules.Names);
        Assert.Equal(Enumerable.Range(0, FindingRules.All.Count), FindingRules.All.Select(r => r.Index));
        Assert.All(FindingRules.All, r => Assert.Matches("^[a-z]+$", r.Name));
    }

    [Fact]
    public void Fail_on_takes_every_rule_by_name_and_refuses_any_other()
    {
        foreach (var rule in FindingRules.All)
            Assert.Equal([rule], FailOn.Parse([rule.Name.ToUpperInvariant()]));
        Assert.Equal(FindingRules.All.ToHashSet(), FailOn.Parse(null));
        var refused = Assert.Throws<UsageException>(() => FailOn.Parse(["truncation,offsets"]));
        Assert.Contains(string.Join(", ", FindingRules.Names), refused.Message);
    }

    [Fact]
    public void Every_predicting_rule_has_a_worse_and_a_better_transition_with_names_of_their_own()
    {
        var transitions = Transitions.Mappings.SelectMany(t => new[] { t.Worse, t.Better })
            .Concat(Transitions.Commands.SelectMany(t => new[] { t.Worse, t.Better })).Append(Transitions.BounceMoved).ToList();

        Assert.Equal(transitions.Count, transitions.Select(t => t.Name).Distinct().Count());
        foreach (var rule in FindingRules.Predictions)
        {
            Assert.Contains(transitions, t => t.Rule == rule && t.Direction == ChangeDirection.Regression);
            Assert.Contains(transitions, t => t.Rule == rule && t.Direction == ChangeDirection.Fix);
        }
        Assert.DoesNotContain(transitions, t => t.Rule == FindingRules.Observed);
    }

    [Fact]
    public void Each_model_row_is_checked_by_every_prediction_and_the_kernel_s_row_by_the_observed_rule()
    {
        var summary = ReplayRuns.Of(Capture).Summary;
        var checks = DeviceChecks.Of(summary, FindingRules.All.ToHashSet()).ToList();

        foreach (var row in summary.Devices)
        {
            var rules = checks.Where(c => c.Device == row.Device && c.Model == row.Model).Select(c => c.Rule).ToList();
            Assert.Equal(row.IsObserved ? row.CommandsChecked > 0 ? [FindingRules.Observed] : [] : FindingRules.Predictions, rules);
        }
        Assert.All(checks, c => Assert.Equal(summary.Devices.Single(d => d.Device == c.Device && d.Model == c.Model).Findings(c.Rule), c.Count));
    }

    [Fact]
    public void A_rule_s_count_is_the_sum_of_its_rows_where_it_counts_and_the_verdict_names_each()
    {
        var replay = ReplayRuns.Of(Capture);
        var summary = replay.Summary;
        var (_, json, _) = CliRun.Run("replay", Samples.Capture(Capture), "--format", "json");
        var verdict = JsonDocument.Parse(json).RootElement.GetProperty("verdict");

        foreach (var rule in FindingRules.All)
        {
            Assert.Equal(summary.Devices.Where(d => d.IsObserved == rule.JudgesObserved).Sum(d => d.Findings(rule)), summary.Count(rule));
            Assert.Contains($"{rule.Name} {summary.Count(rule)}", ReplayVerdict.Counts(summary, FindingRules.All.ToHashSet()));
            Assert.Equal(summary.Count(rule), verdict.GetProperty(rule.Name).GetInt64());
        }
        Assert.True(summary.Count(FindingRules.Prp) > 0, "linux-5.10 breaks mkfs.xfs's PRPs");
    }

    [Fact]
    public void A_mapping_finding_carries_its_evidence_as_fields_beside_its_sentence()
    {
        var (_, json, _) = CliRun.Run("replay", Samples.Capture(Capture), "--format", "json");
        var truncation = JsonDocument.Parse(json).RootElement.GetProperty("mappingFindings").EnumerateArray()
            .First(f => f.GetProperty("kind").GetString() == "truncation");
        var evidence = truncation.GetProperty("evidence");
        var mask = Convert.ToUInt64(evidence.GetProperty("minAlignMask").GetString(), 16);
        var original = Convert.ToUInt64(truncation.GetProperty("original").GetString(), 16);
        var bounce = Convert.ToUInt64(truncation.GetProperty("bounce").GetString(), 16);

        Assert.Equal(original & mask, Convert.ToUInt64(evidence.GetProperty("offset").GetString(), 16));
        Assert.Equal(bounce & mask, Convert.ToUInt64(evidence.GetProperty("bounceOffset").GetString(), 16));
        Assert.NotEqual(original & mask, bounce & mask);
        Assert.Contains($"under min_align_mask 0x{mask:x}", truncation.GetProperty("detail").GetString());
    }
}
