using System.Text.Json;
using Swiotlb.Trace.Capture;
using Swiotlb.Trace.Replay.Pairing;
using Swiotlb.Trace.Replay.Validation;
using Swiotlb.Trace.Tests.Support;

namespace Swiotlb.Trace.Tests.Reports;

/// <summary>
/// The readers', the pairer's and the validator's statistics are declared once (name, severity, source, description) and every report
/// writes the same table: all of them in JSON, the non-zero data-loss and error ones in text.
/// </summary>
public sealed class DeclaredStatisticsTests : IDisposable
{
    private readonly string _work = Directory.CreateTempSubdirectory("swiotrace-stats-").FullName;

    public void Dispose() => Directory.Delete(_work, recursive: true);

    [Fact]
    public void Names_are_unique_camel_case_and_every_one_is_described()
    {
        var all = ReadStatistics.Declared.Select(d => d.Statistic).Concat(PairingStatistics.Declared.Select(d => d.Statistic))
            .Concat(ValidationReport.Declared.Select(d => d.Statistic)).ToList();

        Assert.Equal(all.Count, all.Select(s => s.Name).Distinct().Count());
        Assert.All(all, s => Assert.Matches("^[a-z][A-Za-z]+$", s.Name));
        Assert.All(all, s => Assert.EndsWith(".", s.Description));
        Assert.All(ReadStatistics.Declared, d => Assert.Equal(StatSource.Reader, d.Statistic.Source));
        Assert.All(PairingStatistics.Declared, d => Assert.Equal(StatSource.Pairer, d.Statistic.Source));
        Assert.All(ValidationReport.Declared, d => Assert.Equal(StatSource.Validator, d.Statistic.Source));
    }

    [Theory]
    [InlineData("replay", true, false)]
    [InlineData("validate", true, true)]
    [InlineData("inspect", false, false)]
    [InlineData("pool", false, false)]
    public void Every_json_report_writes_the_whole_table(string verb, bool withPairer, bool withValidator)
    {
        var (_, json, _) = CliRun.Run(verb, Samples.Capture("fio-mixed-6.1.0/trace.dat"), "--format", "json");
        var table = JsonDocument.Parse(json).RootElement.GetProperty("statistics").EnumerateArray()
            .ToDictionary(s => s.GetProperty("name").GetString()!, s => s.GetProperty("value").GetInt64());

        var expected = ReadStatistics.Declared.Select(d => d.Statistic.Name)
            .Concat(withPairer ? PairingStatistics.Declared.Select(d => d.Statistic.Name) : [])
            .Concat(withValidator ? ValidationReport.Declared.Select(d => d.Statistic.Name) : []);
        Assert.Equal(expected, table.Keys);
        Assert.True(table["eventsRead"] > 0);
        if (withPairer)
            Assert.Equal(JsonDocument.Parse(json).RootElement.GetProperty("pairing").GetProperty("unmapsRecovered").GetInt64(), table["unmapsRecovered"]);
    }

    [Fact]
    public void A_malformed_line_is_counted_and_shown_in_text_as_data_loss()
    {
        var lines = File.ReadAllLines(Samples.Capture("smoke-6.1.0/trace.txt")).ToList();
        lines.Insert(lines.Count / 2, "           <...>-1     [000] .....    10.5: this is not an event line at all");
        var damaged = Path.Combine(_work, "trace.txt");
        File.WriteAllLines(damaged, lines);

        var (_, json, _) = CliRun.Run("inspect", damaged, "--format", "json");
        var (_, text, _) = CliRun.Run("inspect", damaged);

        var malformed = JsonDocument.Parse(json).RootElement.GetProperty("statistics").EnumerateArray().Single(s => s.GetProperty("name").GetString() == "malformedLines");
        Assert.Equal((1L, "dataLoss", "reader"), (malformed.GetProperty("value").GetInt64(), malformed.GetProperty("severity").GetString(), malformed.GetProperty("source").GetString()));
        Assert.Contains("  stats: malformedLines 1 (dataLoss)", text);
    }

    [Fact]
    public void The_validator_s_figures_are_in_the_table_as_its_report_states_them()
    {
        var (_, json, _) = CliRun.Run("validate", Samples.Capture("fio-mixed-6.1.0/trace.dat"), "--format", "json");
        var root = JsonDocument.Parse(json).RootElement;
        var table = root.GetProperty("statistics").EnumerateArray().ToDictionary(s => s.GetProperty("name").GetString()!, s => s.GetProperty("value").GetInt64());

        Assert.Equal(root.GetProperty("replay").GetProperty("adopted").GetInt64(), table["adoptedMappings"]);
        Assert.Equal(root.GetProperty("replay").GetProperty("preexisting").GetInt64(), table["preexistingMappings"]);
        Assert.Equal(root.GetProperty("divergences").GetArrayLength(), table["mismatches"]);
    }
}
