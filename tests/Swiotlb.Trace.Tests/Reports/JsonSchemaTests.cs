using System.Text.Json;
using System.Text.Json.Nodes;
using Json.Schema;
using Swiotlb.Trace.Cli.Output;
using Swiotlb.Trace.Tests.Support;

namespace Swiotlb.Trace.Tests.Reports;

/// <summary>
/// Each JSON report has a JSON Schema in <c>docs/schemas</c>; the documents of the bundled captures in every input form
/// validate against it, so a renamed or retyped key, or a schema version not raised, fails here.
/// </summary>
public sealed class JsonSchemaTests
{
    private static readonly string[] Verbs = ["inspect", "replay", "validate", "diff", "pool"];

    private static readonly string[] Captures =
        ["smoke-5.10.0/trace.txt", "mkfs-xfs-6.1.0/trace.dat", "nomask-mkfs-xfs-6.12.117/trace.dat", "offsets-7.3.4/trace.dat", "fio-mixed-6.1.0/perf-script.txt"];

    public static TheoryData<string, string> Documents()
    {
        var documents = new TheoryData<string, string>();
        foreach (var capture in Captures)
            foreach (var verb in Verbs)
                documents.Add(verb, capture);
        return documents;
    }

    [Theory]
    [MemberData(nameof(Documents))]
    public void The_document_validates_against_its_schema(string verb, string capture)
    {
        string[] options = verb == "diff" ? ["--model", "linux-6.1", "--against", "linux-5.10"] : verb == "pool" ? ["--no-sweep"] : [];
        var (_, json, error) = CliRun.Run([verb, Samples.Capture(capture), .. options, "--format", "json"]);

        var result = Schema(verb).Evaluate(JsonDocument.Parse(json).RootElement, new EvaluationOptions { OutputFormat = OutputFormat.List });

        Assert.True(result.IsValid, $"{verb} {capture}: {error}{string.Join("; ", Errors(result))}");
    }

    [Fact]
    public void Two_captures_diffed_validate_too()
    {
        var (_, json, _) = CliRun.Run("diff", Samples.Capture("offsets-5.10.0/trace.dat"), Samples.Capture("offsets-6.1.0/trace.dat"), "--format", "json");

        var result = Schema("diff").Evaluate(JsonDocument.Parse(json).RootElement, new EvaluationOptions { OutputFormat = OutputFormat.List });

        Assert.True(result.IsValid, string.Join("; ", Errors(result)));
    }

    [Theory]
    [InlineData("inspect")]
    [InlineData("replay")]
    [InlineData("validate")]
    [InlineData("diff")]
    [InlineData("pool")]
    public void The_schema_states_the_version_the_tool_writes_and_its_verb(string verb)
    {
        var schema = JsonDocument.Parse(File.ReadAllText(SchemaPath(verb))).RootElement;

        Assert.Equal(JsonOutput.SchemaVersion, schema.GetProperty("properties").GetProperty("schemaVersion").GetProperty("const").GetInt32());
        Assert.Equal(verb, schema.GetProperty("properties").GetProperty("report").GetProperty("const").GetString());
        Assert.Contains("schemaVersion", schema.GetProperty("required").EnumerateArray().Select(e => e.GetString()));
    }

    [Fact]
    public void A_renamed_key_fails_validation()
    {
        var (_, json, _) = CliRun.Run("replay", Samples.Capture("smoke-6.1.0/trace.txt"), "--format", "json");
        var renamed = JsonNode.Parse(json)!.AsObject();
        renamed["mappings"] = renamed["pairing"]!.DeepClone();
        renamed.Remove("pairing");

        Assert.False(Schema("replay").Evaluate(JsonDocument.Parse(renamed.ToJsonString()).RootElement).IsValid);
    }

    /// <summary>Each schema loaded once: the library registers a schema by its file and refuses a second registration.</summary>
    private static readonly Dictionary<string, JsonSchema> Loaded = Verbs.ToDictionary(verb => verb, verb => JsonSchema.FromFile(SchemaPath(verb)));

    private static JsonSchema Schema(string verb) => Loaded[verb];

    private static string SchemaPath(string verb) => Path.Combine(Samples.Root, "docs", "schemas", $"{verb}.schema.json");

    private static IEnumerable<string> Errors(EvaluationResults result) =>
        (result.Details ?? []).Where(d => d.Errors is not null).SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation}: {e.Key} {e.Value}")).Take(10);
}
