using Swiotlb.Trace.Cli.Export;
using Swiotlb.Trace.Cli.Input;
using Swiotlb.Trace.Diff.Replaying;
using Swiotlb.Trace.Tests.Support;

namespace Swiotlb.Trace.Tests.Export;

/// <summary>Row groups are bounded by the buffer size, so memory does not grow with the rows exported; the command line fails in one line.</summary>
public class RowGroupTests
{
    [Fact]
    public async Task Every_row_group_holds_at_most_the_buffer_size()
    {
        const int rowGroupSize = 1000;
        var capture = Samples.Capture("fio-mixed-6.1.0/trace.txt");
        using var export = new ExportRun();
        var exporter = new CaptureExporter(ExportFiles.In(export.Directory, ExportFiles.Parquet, [], manyCaptures: false),
            new CaptureIdentity(capture, "(none)", null), new Dictionary<string, Replay.Validation.SynchronisedVerdicts>(), rowGroupSize);
        CaptureReplayer.Run(() => CaptureOpener.Open(capture, TextWriter.Null), SiblingKernelFacts.Read(capture), ReplayRequest.Defaults, exporter);
        var rows = exporter.Complete();

        var events = await ParquetFile.Shape(export.File("events.parquet"));
        Assert.Equal(rows.Events, events.Rows);
        Assert.Equal((int)Math.Ceiling(rows.Events / (double)rowGroupSize), events.RowGroups);
        var mappings = await ParquetFile.Shape(export.File("mappings.parquet"));
        Assert.Equal((int)Math.Ceiling(rows.Mappings / (double)rowGroupSize), mappings.RowGroups);
        var sequences = await ParquetFile.Values<int>(export.File("mappings.parquet"), "sequence");
        Assert.Equal(rows.Mappings / 2, sequences.Distinct().Count());
    }

    [Fact]
    public void A_missing_capture_is_one_line_and_exit_code_2()
    {
        using var export = new ExportRun("no-such-capture.dat");
        Assert.Equal(2, export.Result.ExitCode);
        CliRun.AssertCleanError(export.Result.Error, "no-such-capture.dat");
    }

    [Fact]
    public void An_unknown_partition_key_is_one_line_and_exit_code_2()
    {
        using var export = new ExportRun(Samples.Capture("smoke-6.1.0/trace.txt"), "--partition-by", "kernel,cpu");
        Assert.Equal(2, export.Result.ExitCode);
        CliRun.AssertCleanError(export.Result.Error, "--partition-by 'cpu'");
    }
}
