using System.Xml;
using System.Xml.Linq;
using System.Xml.Schema;
using Swiotlb.Trace.Tests.Support;

namespace Swiotlb.Trace.Tests.Reports;

/// <summary>Every JUnit report against the schema CI servers read, with a real time, and the run's facts stated once.</summary>
public sealed class JunitSchemaTests
{
    private static readonly string Schema = Path.Combine(Samples.Root, "tests", "Swiotlb.Trace.Tests", "Reports", "junit.xsd");

    public static TheoryData<string[]> Runs() => new()
    {
        new[] { "replay", Samples.Capture("fio-mixed-6.1.0/trace.txt"), "--format", "junit" },
        new[] { "replay", Samples.Capture("smoke-6.12.117/trace.txt"), "--format", "junit" },
        new[] { "diff", Samples.Capture("offsets-6.1.0/trace.txt"), "--model", "linux-5.10", "--against", "linux-6.1", "--format", "junit" },
        new[] { "diff", Samples.Capture("offsets-5.10.0/trace.txt"), Samples.Capture("offsets-6.1.0/trace.txt"), "--format", "junit" },
    };

    [Theory]
    [MemberData(nameof(Runs))]
    public void The_report_is_valid_junit_with_a_time_and_facts_once(string[] args)
    {
        var (_, xml, error) = CliRun.Run(args);
        Assert.Equal("", error);
        var schemas = new XmlSchemaSet();
        schemas.Add(null, Schema);
        var document = XDocument.Parse(xml);
        var problems = new List<string>();

        document.Validate(schemas, (_, e) => problems.Add(e.Message));

        Assert.Empty(problems);
        var suites = document.Root!.Elements("testsuite").ToList();
        Assert.True(double.Parse((string)document.Root.Attribute("time")!, System.Globalization.CultureInfo.InvariantCulture) > 0);
        Assert.NotNull(suites[0].Element("properties"));
        Assert.All(suites.Skip(1), suite => Assert.Null(suite.Element("properties")));
    }

    [Fact]
    public void A_diff_regression_is_a_failing_case_and_its_exit_code_agrees()
    {
        var (exit, xml, _) = CliRun.Run("diff", Samples.Capture("offsets-6.1.0/trace.txt"), "--model", "linux-5.10", "--against", "linux-6.1", "--format", "junit");
        var failing = XDocument.Parse(xml).Descendants("testcase").Where(c => c.Element("failure") is not null).Select(c => (string)c.Attribute("name")!).ToList();

        Assert.Equal(1, exit);
        Assert.Contains("0000:00:04.0 prp", failing);
        Assert.Contains("0000:00:04.0 truncation", failing);
    }
}
