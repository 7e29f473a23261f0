using System.Text.Json;
using Swiotlb.Trace.Tests.Support;

namespace Swiotlb.Trace.Tests.Export;

/// <summary>The schema a notebook relies on (docs/schema.md, version 2): typed times with their clock, hex in CSV with a
/// CSVW sidecar, a mapping → command key, and an enum beside the effect's sentence.</summary>
public sealed class ExportSchemaTests
{
    private static readonly string Broken = Samples.Capture("nomask-fio-verify-6.1.0/trace.dat");
    private static readonly string Text = Samples.Capture("offsets-6.1.0/trace.txt");

    [Fact]
    public void Every_segment_row_carries_the_sequence_of_the_command_that_lists_it()
    {
        using var export = new ExportRun(Broken);
        Assert.Equal(0, export.Result.ExitCode);
        var mappings = DuckDb.Quote(export.File("mappings.parquet"));
        var commands = DuckDb.Quote(export.File("commands.parquet"));

        var perCommand = DuckDb.Rows(
            $"select c.model, count(*), count(*) filter (where c.segments = coalesce(m.listed, 0)), sum(c.segments)::bigint " +
            $"from read_parquet({commands}) c left join (select model, command_sequence, count(*) listed from read_parquet({mappings}) " +
            $"where command_sequence is not null group by all) m using (model, command_sequence) group by all");
        Assert.Equal(2, perCommand.Count);
        Assert.All(perCommand, row =>
        {
            Assert.Equal(row[1], row[2]);
            Assert.True(Convert.ToInt64(row[3]) > 0);
        });
        Assert.Equal(0, DuckDb.Count($"select count(*) from (select model, command_sequence from read_parquet({commands}) group by all having count(*) > 1)"));
    }

    [Fact]
    public void Effect_kind_names_every_broken_commands_effect_and_where_it_starts()
    {
        using var export = new ExportRun(Broken);
        var commands = DuckDb.Quote(export.File("commands.parquet"));

        var kinds = DuckDb.Counts($"select effect_kind, count(*) from read_parquet({commands}) where prp_breaks group by all");
        Assert.Subset(new HashSet<string> { "controller_rejects", "driver_rejects", "wrong_data_written", "wrong_data_read", "wrong_data" }, kinds.Keys.ToHashSet());
        Assert.True(kinds.GetValueOrDefault("controller_rejects") > 0);
        Assert.Equal(0, DuckDb.Count($"select count(*) from read_parquet({commands}) where (effect_kind is null) <> (effect is null) or (effect_kind is null) = coalesce(prp_breaks, false)"));
        Assert.Equal(0, DuckDb.Count($"select count(*) from read_parquet({commands}) where (effect_at is null) <> (effect_kind is null or effect_kind = 'driver_rejects')"));
        Assert.Equal(0, DuckDb.Count($"select count(*) from read_parquet({commands}) where effect_kind = 'controller_rejects' and effect not like '%entry ' || effect_at || ' %'"));
    }

    [Fact]
    public void Time_is_a_timestamp_of_the_raw_nanoseconds_and_names_the_captures_clock()
    {
        using var export = new ExportRun(Broken);
        var events = DuckDb.Quote(export.File("events.parquet"));

        var row = DuckDb.Rows($"select typeof(any_value(time)), count(time), count(time_ns), any_value(capture_clock) " +
                              $"from read_parquet({events})").Single();
        Assert.Equal("TIMESTAMP_NS", row[0]);
        Assert.Equal(row[2], row[1]);
        Assert.True(Convert.ToInt64(row[1]) > 0);
        Assert.Equal("global", row[3]);
        // DateTime keeps 100 ns: the timestamp is the raw time cut to that.
        Assert.Equal(0, DuckDb.Count($"select count(*) from read_parquet({events}) where epoch_ns(time) <> time_ns - time_ns % 100"));
        Assert.Equal(0, DuckDb.Count($"select count(*) from read_parquet({DuckDb.Quote(export.File("mappings.parquet"))}) " +
                                     "where (released_time is null) <> (released_ns is null) or epoch_ns(released_time) <> released_ns - released_ns % 100"));
    }

    [Fact]
    public void Csv_writes_addresses_as_hex_and_a_csvw_sidecar_types_every_column_in_order()
    {
        using var export = new ExportRun(Text, "--format", "csv");
        var csv = export.File("mappings.csv");

        var notHex = DuckDb.Count($"select count(*) from read_csv({DuckDb.Quote(csv)}, header = true, all_varchar = true) " +
                                  "where not regexp_full_match(original_address, '0x[0-9a-f]+') or not regexp_full_match(min_align_mask, '0x[0-9a-f]+') " +
                                  "or not regexp_full_match(coalesce(predicted_bounce, '0x0'), '0x[0-9a-f]+')");
        Assert.Equal(0, notHex);

        using var sidecar = JsonDocument.Parse(File.ReadAllText(csv + "-metadata.json"));
        var root = sidecar.RootElement;
        Assert.Equal("http://www.w3.org/ns/csvw", root.GetProperty("@context").GetString());
        Assert.Equal("mappings.csv", root.GetProperty("url").GetString());
        Assert.Equal("2", root.GetProperty("schema:version").GetString());
        var columns = root.GetProperty("tableSchema").GetProperty("columns").EnumerateArray().ToList();
        var header = File.ReadLines(csv).First().Split(',');
        Assert.Equal(header, columns.Select(c => c.GetProperty("name").GetString()));
        JsonElement Column(string name) => columns.Single(c => c.GetProperty("name").GetString() == name).GetProperty("datatype");
        string? Datatype(string name) => Column(name).ValueKind == JsonValueKind.String ? Column(name).GetString() : null;
        Assert.Equal("^0x[0-9a-f]+$", Column("original_address").GetProperty("format").GetString());
        Assert.Equal("string", Column("original_address").GetProperty("base").GetString());
        Assert.Equal("datetime", Datatype("time"));
        Assert.Equal("long", Datatype("time_ns"));
        Assert.Equal("boolean", Datatype("offset_kept"));
        Assert.Equal("int", Datatype("command_sequence"));
    }
}
