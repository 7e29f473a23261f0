using System.Text.Json;
using Swiotlb.Trace.Tests.Support;

namespace Swiotlb.Trace.Tests.Export;

/// <summary>
/// The issue's acceptance: every exported table read back by Parquet.Net and by DuckDB, its row counts and aggregates
/// (mappings per device, offsets lost, mask violations, failures, broken commands per model) equal to what
/// <c>swiotrace replay --format json</c> reports for the same capture.
/// </summary>
public class ExportAgreesWithReplayTests
{
    private static readonly string[] BrokenPrps = ["driver_rejects", "misaligned_entry", "wrong_bytes"];

    [Theory]
    [InlineData("fio-mixed-6.1.0/trace.txt")]
    [InlineData("offsets-5.10.0/trace.txt")]
    [InlineData("offsets-6.12.117/trace.dat")]
    [InlineData("mkfs-xfs-6.1.0/trace.dat")]
    public async Task Tables_read_back_by_parquet_net_and_duckdb_match_the_replay_report(string relativePath)
    {
        var capture = Samples.Capture(relativePath);
        using var export = new ExportRun(capture);
        Assert.Equal(0, export.Result.ExitCode);
        var replay = ExportRun.ReplayJson(capture);

        var events = export.File("events.parquet");
        var mappings = export.File("mappings.parquet");
        var commands = export.File("commands.parquet");
        Assert.Equal(replay.GetProperty("capture").GetProperty("events").GetInt64(), DuckDb.Count($"select count(*) from read_parquet({DuckDb.Quote(events)})"));
        var expectedMappings = Expected(replay, "mappings", "offsetsLost", "maskViolations", "failures", "endlessSearches", "hazards");
        Assert.Contains(expectedMappings.Values, figures => figures.Split(',')[1] != "0");
        Assert.Equal(expectedMappings, MappingAggregates(mappings));
        var expectedCommands = Expected(replay, "commandsChecked", "commandsBroken");
        Assert.NotEmpty(expectedCommands);
        Assert.Equal(expectedCommands, CommandAggregates(commands, ObservedAnswers(replay)));

        var models = replay.GetProperty("models").EnumerateArray().Select(m => m.GetProperty("name").GetString()!).ToList();
        var mappingCount = replay.GetProperty("pairing").GetProperty("mapsFromKprobes").GetInt64() + replay.GetProperty("pairing").GetProperty("mapsFromDmaEvents").GetInt64();
        await AssertParquetNetAgrees(events, DuckDb.Count($"select count(*) from read_parquet({DuckDb.Quote(events)})"), null);
        await AssertParquetNetAgrees(mappings, mappingCount * models.Count, models);
        await AssertParquetNetAgrees(commands, DuckDb.Count($"select count(*) from read_parquet({DuckDb.Quote(commands)})"), models);
        Assert.Contains($"{mappingCount * models.Count} mapping rows", export.Result.Output);
    }

    /// <summary>Parquet.Net sees the same rows, every model equally often, and the schema version in the footer.</summary>
    private static async Task AssertParquetNetAgrees(string path, long rows, IReadOnlyList<string>? models)
    {
        var shape = await ParquetFile.Shape(path);
        Assert.Equal(rows, shape.Rows);
        Assert.Equal("2", shape.Metadata["swiotrace.schema_version"]);
        Assert.All(await ParquetFile.Strings(path, "capture_kernel"), kernel => Assert.False(string.IsNullOrEmpty(kernel)));
        if (models is null)
            return;
        var byModel = (await ParquetFile.Strings(path, "model")).GroupBy(m => m).ToDictionary(g => g.Key!, g => (long)g.Count());
        Assert.Equal(models.Order(), byModel.Keys.Order());
        Assert.All(byModel.Values, count => Assert.Equal(rows / models.Count, count));
    }

    private static bool ObservedAnswers(JsonElement replay) =>
        replay.GetProperty("summary").EnumerateArray().Any(s => s.GetProperty("model").GetString() == "observed");

    /// <summary>The replay's summary rows: "device|model" → the named figures.</summary>
    private static Dictionary<string, string> Expected(JsonElement replay, params string[] figures) =>
        replay.GetProperty("summary").EnumerateArray()
            .Select(s => (Key: $"{s.GetProperty("device").GetString()}|{s.GetProperty("model").GetString()}",
                Value: string.Join(",", figures.Select(f => s.GetProperty(f).GetInt64()))))
            .Where(s => s.Value.Split(',').Any(v => v != "0"))
            .ToDictionary(s => s.Key, s => s.Value);

    private static Dictionary<string, string> MappingAggregates(string path)
    {
        var table = $"read_parquet({DuckDb.Quote(path)})";
        return Figures($"""
            select device, model, count(*), count(*) filter (where page_offset <> 0 and not offset_kept), count(*) filter (where mask_broken),
                   count(*) filter (where failed), count(*) filter (where hang), count(*) filter (where hang_hazard)
            from {table} group by all
            union all
            select device, 'observed', count(*) filter (where observed = 'mapped'), count(*) filter (where page_offset <> 0 and not observed_offset_kept),
                   count(*) filter (where observed_mask_broken), 0, 0, 0
            from {table} where model = (select min(model) from {table}) group by all
            """);
    }

    private static Dictionary<string, string> CommandAggregates(string path, bool observed)
    {
        var table = $"read_parquet({DuckDb.Quote(path)})";
        var broken = string.Join(", ", BrokenPrps.Select(DuckDb.Quote));
        var observedRows = observed
            ? $"""
               union all
               select device, 'observed', count(*) filter (where observed_prp in ('valid', {broken})), count(*) filter (where observed_prp in ({broken}))
               from {table} where model = (select min(model) from {table}) group by all
               """
            : "";
        return Figures($"select device, model, count(*) filter (where prp_breaks is not null), count(*) filter (where prp_breaks) from {table} group by all {observedRows}");
    }

    /// <summary>Rows of (device, model, figures...) as "device|model" → "figure,figure", rows of zeros left out as the summary leaves them out.</summary>
    private static Dictionary<string, string> Figures(string sql) =>
        DuckDb.Rows(sql)
            .Select(r => (Key: $"{r[0]}|{r[1]}", Value: string.Join(",", r[2..].Select(Convert.ToInt64))))
            .Where(r => r.Value.Split(',').Any(v => v != "0"))
            .ToDictionary(r => r.Key, r => r.Value);
}
