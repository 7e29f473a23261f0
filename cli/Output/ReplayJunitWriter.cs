using System.Text;
using System.Xml;
using Swiotlb.Trace.Diff.Findings;
using Swiotlb.Trace.Diff.Replaying;

namespace Swiotlb.Trace.Cli.Output;

/// <summary>
/// The <c>replay</c> report as JUnit XML for CI: one test suite per model, one test case per device × check. A check
/// with findings fails, carrying the count and the first offenders; a check <c>--fail-on</c> does not select is skipped.
/// </summary>
public static class ReplayJunitWriter
{
    private const int OffendersShown = 10;

    public static void Write(CaptureReplay replay, IReadOnlySet<FindingKind> failOn, TextWriter output)
    {
        var checks = DeviceChecks.Of(replay.Summary, failOn).ToList();
        // Written as UTF-8 bytes so that the declaration says utf-8 whatever writer the text goes to.
        using var buffer = new MemoryStream();
        using (var xml = XmlWriter.Create(buffer, new XmlWriterSettings { Indent = true, Encoding = new UTF8Encoding(false) }))
        {
            xml.WriteStartDocument();
            xml.WriteStartElement("testsuites");
            xml.WriteAttributeString("name", $"swiotrace replay {Path.GetFileName(replay.Metadata.File)}");
            WriteCounts(xml, checks);
            if (checks.Any(c => c.Model == ReplaySummary.Observed))
                WriteSuite(xml, replay, ReplaySummary.Observed, [.. checks.Where(c => c.Model == ReplaySummary.Observed)]);
            foreach (var model in replay.Summary.Models)
                WriteSuite(xml, replay, model, [.. checks.Where(c => c.Model == model)]);
            xml.WriteEndElement();
            xml.WriteEndDocument();
        }
        output.WriteLine(Encoding.UTF8.GetString(buffer.ToArray()));
    }

    private static void WriteSuite(XmlWriter xml, CaptureReplay replay, string model, IReadOnlyList<DeviceCheck> checks)
    {
        xml.WriteStartElement("testsuite");
        xml.WriteAttributeString("name", model);
        WriteCounts(xml, checks);
        xml.WriteStartElement("properties");
        foreach (var fact in ReplayFacts.Of(replay))
            WriteProperty(xml, fact.Label, fact.Value);
        xml.WriteEndElement();
        foreach (var check in checks)
            WriteCase(xml, check);
        xml.WriteEndElement();
    }

    private static void WriteCase(XmlWriter xml, DeviceCheck check)
    {
        xml.WriteStartElement("testcase");
        xml.WriteAttributeString("classname", check.Model);
        xml.WriteAttributeString("name", $"{check.Device} {check.Name}");
        xml.WriteAttributeString("time", "0");
        if (check.Fails)
        {
            xml.WriteStartElement("failure");
            xml.WriteAttributeString("type", check.Name);
            xml.WriteAttributeString("message", $"{check.Describe()} under {check.Model}");
            xml.WriteString(OffenderText(check));
            xml.WriteEndElement();
        }
        else if (!check.Selected)
        {
            xml.WriteStartElement("skipped");
            xml.WriteAttributeString("message", $"not selected by --fail-on; {check.Describe()}");
            xml.WriteEndElement();
        }
        xml.WriteEndElement();
    }

    private static string OffenderText(DeviceCheck check)
    {
        var lines = new List<string> { $"{check.Describe()}; the first {Math.Min(OffendersShown, check.FirstOffenders.Count)}:" };
        lines.AddRange(check.FirstOffenders.Take(OffendersShown));
        if (check.Count > OffendersShown)
            lines.Add($"... and {check.Count - OffendersShown} more");
        return string.Join('\n', lines);
    }

    private static void WriteCounts(XmlWriter xml, IReadOnlyCollection<DeviceCheck> checks)
    {
        xml.WriteAttributeString("tests", Number(checks.Count));
        xml.WriteAttributeString("failures", Number(checks.Count(c => c.Fails)));
        xml.WriteAttributeString("errors", "0");
        xml.WriteAttributeString("skipped", Number(checks.Count(c => !c.Selected)));
    }

    private static string Number(int value) => value.ToString(System.Globalization.CultureInfo.InvariantCulture);

    private static void WriteProperty(XmlWriter xml, string name, string value)
    {
        xml.WriteStartElement("property");
        xml.WriteAttributeString("name", name);
        xml.WriteAttributeString("value", value);
        xml.WriteEndElement();
    }
}
