using System.Text.Json;
using Swiotlb.Trace.Tests.Support;

namespace Swiotlb.Trace.Tests.Reports;

/// <summary>Every JSON report says first which shape it has and which verb wrote it, so a consumer can check before reading.</summary>
public class JsonDocumentHeaderTests
{
    [Theory]
    [InlineData("inspect")]
    [InlineData("replay")]
    [InlineData("validate")]
    [InlineData("diff", "--model", "linux-6.1", "--against", "linux-5.10")]
    public void The_document_opens_with_its_schema_version_and_verb(string verb, params string[] options)
    {
        var (_, output, _) = CliRun.Run([verb, Samples.Capture("smoke-6.1.0/trace.txt"), .. options, "--format", "json"]);

        var members = JsonDocument.Parse(output).RootElement.EnumerateObject().Take(2).Select(p => $"{p.Name}={p.Value}").ToList();
        Assert.Equal(["schemaVersion=2", $"report={verb}"], members);
    }
}
