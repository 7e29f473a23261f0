using System.Text.Json;
using Swiotlb.Trace.Tests.Support;

namespace Swiotlb.Trace.Tests.Comparison;

/// <summary>Runs <c>swiotrace diff … --format json</c> in-process and reads the report's figures back.</summary>
public sealed class DiffJson
{
    private DiffJson(int exitCode, JsonElement root) => (ExitCode, Root) = (exitCode, root);

    public int ExitCode { get; }
    public JsonElement Root { get; }

    public static DiffJson Run(params string[] args)
    {
        var (code, output, error) = CliRun.Run(["diff", .. args, "--format", "json"]);
        Assert.True(code is 0 or 1, error);
        return new DiffJson(code, JsonDocument.Parse(output).RootElement.Clone());
    }

    /// <summary>Changed figures as (direction, device, metric, bucket) → "baseline → candidate".</summary>
    public Dictionary<(string Direction, string Device, string Metric, ulong? Bucket), string> Changes() =>
        Root.GetProperty("changes").EnumerateArray().ToDictionary(
            c => (c.GetProperty("direction").GetString()!, c.GetProperty("device").GetString()!, c.GetProperty("metric").GetString()!,
                c.TryGetProperty("bucket", out var bucket) ? bucket.GetUInt64() : (ulong?)null),
            c => $"{Tally(c.GetProperty("baseline"))} → {Tally(c.GetProperty("candidate"))}");

    /// <summary>Transition counts as (device, kind) → (count, compared).</summary>
    public Dictionary<(string Device, string Kind), (long Count, long Compared)> Transitions() =>
        Root.GetProperty("transitions").GetProperty("counts").EnumerateArray().ToDictionary(
            c => (c.GetProperty("device").GetString()!, c.GetProperty("kind").GetString()!),
            c => (c.GetProperty("count").GetInt64(), c.GetProperty("compared").GetInt64()));

    public IEnumerable<string> Directions() =>
        Root.GetProperty("changes").EnumerateArray().Concat(Root.GetProperty("transitions").GetProperty("counts").EnumerateArray())
            .Select(c => c.GetProperty("direction").GetString()!);

    private static string Tally(JsonElement tally) => $"{tally.GetProperty("count").GetInt64()}/{tally.GetProperty("outOf").GetInt64()}";
}
