using System.Text.RegularExpressions;
using System.Xml.Linq;
using Swiotlb.Trace.Diff.Findings;
using Swiotlb.Trace.Diff.Findings.Rules;
using Swiotlb.Trace.Tests.Replaying;
using Swiotlb.Trace.Tests.Support;

namespace Swiotlb.Trace.Tests.Reports;

/// <summary>The JUnit report parsed back: a suite for the kernel's own addresses (one "observed" case per NVMe device), one
/// suite per model, one case per device × check, failures whose counts add up to the summary's.</summary>
public partial class JunitReportTests
{
    private static readonly string[] Checks = ["truncation", "prp", "failure", "hang", "observed"];

    [GeneratedRegex(@"^(\d+) ")]
    private static partial Regex LeadingCount();

    [Theory]
    [InlineData("fio-mixed-6.1.0")]
    [InlineData("offsets-6.1.0")]
    public void Failures_add_up_to_the_summary(string folder)
    {
        var summary = ReplayRuns.Of($"{folder}/trace.txt").Summary;
        var (code, xml, _) = CliRun.Run("replay", Samples.Capture($"{folder}/trace.txt"), "--format", "junit");
        var root = XDocument.Parse(xml).Root!;

        Assert.Equal(1, code);
        Assert.Equal("testsuites", root.Name.LocalName);
        Assert.Equal([ModelKey.Observed.Name, .. summary.Models.Select(m => m.Name)], root.Elements("testsuite").Select(s => (string)s.Attribute("name")!));
        foreach (var suite in root.Elements("testsuite"))
        {
            var model = (string)suite.Attribute("name")!;
            var devices = summary.Devices.Where(d => d.Model.Name == model && (!d.IsObserved || d.CommandsChecked > 0)).Select(d => d.Device).ToList();
            var cases = suite.Elements("testcase").ToList();
            string[] checks = model == ModelKey.Observed.Name ? ["observed"] : Checks[..^1];
            Assert.Equal(devices.SelectMany(d => checks.Select(c => $"{d} {c}")), cases.Select(c => (string)c.Attribute("name")!));
            Assert.Equal(cases.Count, (int)suite.Attribute("tests")!);
            Assert.Equal(cases.Count(c => c.Element("failure") is not null), (int)suite.Attribute("failures")!);
            if (suite == root.Elements("testsuite").First())
                Assert.Contains(suite.Element("properties")!.Elements("property"), p => (string)p.Attribute("name")! == "capture");
            else
                Assert.Null(suite.Element("properties"));
            foreach (var rule in FindingRules.All)
                Assert.Equal(summary.Count(summary.Devices.First(d => d.Model.Name == model).Model, rule), cases.Select(c => c.Element("failure"))
                    .Where(f => f is not null && (string)f.Attribute("type")! == Checks[rule.Index])
                    .Sum(f => long.Parse(LeadingCount().Match((string)f!.Attribute("message")!).Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture)));
        }
        Assert.Equal(root.Elements("testsuite").Sum(s => (int)s.Attribute("failures")!), (int)root.Attribute("failures")!);
    }

    [Fact]
    public void Fio_mixed_prp_failure_carries_the_first_broken_commands()
    {
        var summary = ReplayRuns.Of("fio-mixed-6.1.0/trace.txt").Summary;
        var (_, xml, _) = CliRun.Run("replay", Samples.Capture("fio-mixed-6.1.0/trace.txt"), "--format", "junit");
        var suites = XDocument.Parse(xml).Root!.Elements("testsuite").ToDictionary(s => (string)s.Attribute("name")!);

        var prp = Case(suites["linux-5.10"], "0000:00:04.0 prp").Element("failure")!;
        Assert.StartsWith($"{summary.Count(ModelKey.Of("linux-5.10"), FindingRules.Prp)} NVMe commands whose PRPs break", (string)prp.Attribute("message")!);
        var first = summary.CommandFindings[0];
        Assert.Contains($"qid {first.QueueId} cid {first.CommandId} {first.Operation} lba {first.StartLba}", prp.Value);
        Assert.Equal(10, prp.Value.Split('\n').Count(l => l.Contains(" nvme0n1 qid ", StringComparison.Ordinal)));
        Assert.EndsWith($"... and {summary.Count(ModelKey.Of("linux-5.10"), FindingRules.Prp) - 10} more", prp.Value);
        Assert.Equal(0, (int)suites["linux-6.1"].Attribute("failures")!);
    }

    [Fact]
    public void Offsets_truncation_fails_for_nvme_not_ahci_and_unselected_checks_are_skipped()
    {
        var (code, xml, _) = CliRun.Run("replay", Samples.Capture("offsets-6.1.0/trace.txt"), "--format", "junit", "--fail-on", "truncation");
        var suite = XDocument.Parse(xml).Root!.Elements("testsuite").Single(s => (string)s.Attribute("name")! == "linux-5.10");

        Assert.Equal(1, code);
        Assert.NotNull(Case(suite, "0000:00:04.0 truncation").Element("failure"));
        Assert.Null(Case(suite, "0000:00:06.0 truncation").Element("failure"));
        Assert.NotNull(Case(suite, "0000:00:04.0 prp").Element("skipped"));
        Assert.Null(Case(suite, "0000:00:04.0 prp").Element("failure"));
    }

    private static XElement Case(XElement suite, string name) =>
        suite.Elements("testcase").Single(c => (string)c.Attribute("name")! == name);
}
