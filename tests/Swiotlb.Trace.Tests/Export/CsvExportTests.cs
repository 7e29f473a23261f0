using Swiotlb.Trace.Tests.Support;

namespace Swiotlb.Trace.Tests.Export;

/// <summary>The CSV tables hold what the Parquet ones hold, in RFC 4180 form.</summary>
public class CsvExportTests
{
    private static readonly string Capture = Samples.Capture("offsets-6.1.0/trace.txt");

    [Theory]
    [InlineData("events", "count(*), sum(time_ns), count(details), sum(address)")]
    [InlineData("mappings", "count(*), sum(original_address), count(*) filter (where offset_kept), count(release_evidence), sum(predicted_bounce)")]
    [InlineData("commands", "count(*), count(*) filter (where prp_breaks), count(effect), sum(lba)")]
    public void Csv_round_trips_to_the_same_aggregates_as_parquet(string table, string aggregates)
    {
        using var parquet = new ExportRun(Capture);
        using var csv = new ExportRun(Capture, "--format", "csv");
        Assert.Equal(0, csv.Result.ExitCode);

        var fromParquet = DuckDb.Rows($"select {aggregates} from read_parquet({DuckDb.Quote(parquet.File(table + ".parquet"))})").Single();
        var fromCsv = DuckDb.Rows($"select {aggregates} from read_csv({DuckDb.Quote(csv.File(table + ".csv"))}, header = true)").Single();
        Assert.Equal(fromParquet.Select(v => v?.ToString()), fromCsv.Select(v => v?.ToString()));
        Assert.True(Convert.ToInt64(fromParquet[0]) > 0);
    }

    [Fact]
    public void Records_end_with_crlf_and_text_with_commas_is_quoted()
    {
        using var csv = new ExportRun(Capture, "--format", "csv");
        var text = File.ReadAllText(csv.File("events.csv"));
        Assert.StartsWith("capture_file,capture_host,capture_kernel,capture_clock,time_ns,time,", text);
        Assert.Equal(text.Split('\n').Length - 1, text.Split("\r\n").Length - 1);
        Assert.Contains(",block_rq_issue,block_rq_issue,\"259,", text, StringComparison.Ordinal);
    }
}
