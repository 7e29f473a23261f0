using Swiotlb.Trace.Cli.Export;
using Swiotlb.Trace.Cli.Output;
using Swiotlb.Trace.Tests.Support;

namespace Swiotlb.Trace.Tests.Hostile;

/// <summary>Outputs are whole or absent, never over an input or each other, and CSV cells are no formulas.</summary>
public sealed class OutputSafetyTests : IDisposable
{
    private readonly HostileCaptures _captures = new();

    public void Dispose() => _captures.Dispose();

    [Fact]
    public void An_output_path_equal_to_the_capture_is_a_usage_error_and_the_capture_is_untouched()
    {
        var capture = _captures.Write("trace.txt", File.ReadAllBytes(HostileCaptures.Sample("smoke-6.1.0/trace.txt")));
        var before = File.ReadAllBytes(capture);

        var (code, _, error) = CliRun.Run("replay", capture, "-o", capture);

        Assert.Equal(2, code);
        CliRun.AssertCleanError(error, "input");
        Assert.Equal(before, File.ReadAllBytes(capture));
    }

    [Fact]
    public void Two_outputs_on_one_path_are_a_usage_error()
    {
        var report = Path.Combine(_captures.Folder, "report.html");

        var (code, _, error) = CliRun.Run("replay", HostileCaptures.Sample("smoke-6.1.0/trace.txt"), "-o", report, "--html", report);

        Assert.Equal(2, code);
        CliRun.AssertCleanError(error, "same file");
        Assert.False(File.Exists(report));
    }

    [Fact]
    public void A_failed_export_leaves_the_previous_export_whole_and_no_file_half_written()
    {
        var directory = Path.Combine(_captures.Folder, "export");
        var good = HostileCaptures.Sample("smoke-6.1.0/trace.txt");
        Assert.Equal(0, CliRun.Run("export", good, "-o", directory).ExitCode);
        var before = Directory.GetFiles(directory).ToDictionary(path => Path.GetFileName(path), File.ReadAllBytes);
        var broken = _captures.Write("in/trace.txt", [.. File.ReadAllBytes(good).Take(4000), .. new byte[] { 0, 1, 2 }, .. Enumerable.Repeat((byte)'x', 2 << 20)]);

        var (code, _, _) = CliRun.Run("export", broken, "-o", directory);

        Assert.Equal(2, code);
        Assert.Equal(before.Keys.Order(), Directory.GetFiles(directory).Select(Path.GetFileName).Order());
        foreach (var (name, bytes) in before)
            Assert.Equal(bytes, File.ReadAllBytes(Path.Combine(directory, name)));
    }

    [Fact]
    public void A_report_is_renamed_into_place_only_when_it_is_complete()
    {
        var target = Path.Combine(_captures.Folder, "report.txt");
        File.WriteAllText(target, "previous report");

        Assert.ThrowsAny<InvalidOperationException>(() => ReportDestination.Write(target, TextWriter.Null, writer =>
        {
            writer.Write("half a report");
            throw new InvalidOperationException("interrupted");
        }));

        Assert.Equal("previous report", File.ReadAllText(target));
        Assert.Single(Directory.GetFiles(_captures.Folder));
    }

    [Theory]
    [InlineData("=cmd|' /C calc'!A0", "'=cmd|' /C calc'!A0")]
    [InlineData("+1+1", "'+1+1")]
    [InlineData("-2", "'-2")]
    [InlineData("@SUM(A1)", "'@SUM(A1)")]
    [InlineData("kworker/1:1H", "kworker/1:1H")]
    [InlineData("", "")]
    public void Csv_text_cells_from_a_capture_cannot_be_formulas(string cell, string written)
    {
        Assert.Equal(written, CsvCell.Neutralised(cell));
    }

    [Fact]
    public void An_exported_csv_neutralises_a_task_name_that_is_a_formula()
    {
        var capture = _captures.EditText("smoke-6.1.0/trace.txt", "    kworker/1:1H-145", "    =HYPERLINK(1)-145", "trace.txt");
        var directory = Path.Combine(_captures.Folder, "csv");

        Assert.Equal(0, CliRun.Run("export", capture, "-o", directory, "--format", "csv").ExitCode);

        var events = File.ReadAllText(Path.Combine(directory, "events.csv"));
        Assert.Contains("'=HYPERLINK(1)", events);
        Assert.DoesNotContain(",=HYPERLINK", events);
    }
}
