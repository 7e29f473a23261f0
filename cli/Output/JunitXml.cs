using System.Globalization;
using System.Text;
using System.Xml;

namespace Swiotlb.Trace.Cli.Output;

/// <summary>How every JUnit report is written: one UTF-8 document of suites of cases, with counts, times and a timestamp,
/// in the shape of the common JUnit XSD (Jenkins' junit-10.xsd: properties only inside a suite).</summary>
public static class JunitXml
{
    /// <summary>A case as a report judges it: failing with a message and text, skipped with a reason, or passing.</summary>
    /// <param name="Check">What the case checks (the failure's type: <c>truncation</c>, <c>prp</c>, …).</param>
    public sealed record Case(string ClassName, string Name, string Check, string? Failure = null, string? FailureText = null, string? Skipped = null);

    /// <summary>One suite: its cases, and the facts of the run (written in the first suite of a document only).</summary>
    public sealed record Suite(string Name, IReadOnlyList<Case> Cases, IReadOnlyList<(string Name, string Value)> Facts);

    /// <param name="elapsed">How long the run took: every suite ran in that one pass.</param>
    public static void Write(TextWriter output, string name, TimeSpan elapsed, DateTimeOffset started, IReadOnlyList<Suite> suites)
    {
        using var buffer = new MemoryStream();
        using (var xml = XmlWriter.Create(buffer, new XmlWriterSettings { Indent = true, Encoding = new UTF8Encoding(false) }))
        {
            xml.WriteStartDocument();
            xml.WriteStartElement("testsuites");
            xml.WriteAttributeString("name", name);
            Counts(xml, [.. suites.SelectMany(s => s.Cases)]);
            xml.WriteAttributeString("time", Seconds(elapsed));
            foreach (var (suite, index) in suites.Select((s, i) => (s, i)))
            {
                xml.WriteStartElement("testsuite");
                xml.WriteAttributeString("name", suite.Name);
                Counts(xml, suite.Cases);
                xml.WriteAttributeString("time", Seconds(elapsed));
                xml.WriteAttributeString("timestamp", started.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ss", CultureInfo.InvariantCulture));
                if (index == 0 && suite.Facts.Count > 0)
                {
                    xml.WriteStartElement("properties");
                    foreach (var (factName, value) in suite.Facts)
                    {
                        xml.WriteStartElement("property");
                        xml.WriteAttributeString("name", factName);
                        xml.WriteAttributeString("value", value);
                        xml.WriteEndElement();
                    }
                    xml.WriteEndElement();
                }
                foreach (var testCase in suite.Cases)
                    WriteCase(xml, testCase);
                xml.WriteEndElement();
            }
            xml.WriteEndElement();
            xml.WriteEndDocument();
        }
        // Written as UTF-8 bytes so that the declaration says utf-8 whatever writer the text goes to.
        output.WriteLine(Encoding.UTF8.GetString(buffer.ToArray()));
    }

    private static void WriteCase(XmlWriter xml, Case testCase)
    {
        xml.WriteStartElement("testcase");
        xml.WriteAttributeString("classname", testCase.ClassName);
        xml.WriteAttributeString("name", testCase.Name);
        if (testCase.Failure is not null)
        {
            xml.WriteStartElement("failure");
            xml.WriteAttributeString("type", testCase.Check);
            xml.WriteAttributeString("message", testCase.Failure);
            xml.WriteString(testCase.FailureText ?? testCase.Failure);
            xml.WriteEndElement();
        }
        else if (testCase.Skipped is not null)
        {
            xml.WriteStartElement("skipped");
            xml.WriteAttributeString("message", testCase.Skipped);
            xml.WriteEndElement();
        }
        xml.WriteEndElement();
    }

    private static void Counts(XmlWriter xml, IReadOnlyCollection<Case> cases)
    {
        xml.WriteAttributeString("tests", Number(cases.Count));
        xml.WriteAttributeString("failures", Number(cases.Count(c => c.Failure is not null)));
        xml.WriteAttributeString("errors", "0");
        xml.WriteAttributeString("skipped", Number(cases.Count(c => c.Failure is null && c.Skipped is not null)));
    }

    private static string Seconds(TimeSpan elapsed) => elapsed.TotalSeconds.ToString("0.000", CultureInfo.InvariantCulture);

    private static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);
}
