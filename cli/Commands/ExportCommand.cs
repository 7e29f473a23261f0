using System.CommandLine;
using Swiotlb.Trace.Capture;
using Swiotlb.Trace.Cli.Export;
using Swiotlb.Trace.Cli.Input;
using Swiotlb.Trace.Diff.Replaying;

namespace Swiotlb.Trace.Cli.Commands;

/// <summary><c>swiotrace export CAPTURE... -o DIR</c>: the events, mappings and NVMe commands of captures as Parquet or CSV tables.</summary>
public static class ExportCommand
{
    public static Command Build()
    {
        var captures = new Argument<string[]>("captures")
        {
            Description = "Captures to export (any format inspect reads); several make one dataset per table.",
            Arity = ArgumentArity.OneOrMore,
        };
        var directory = new Option<string>("--output", "-o")
        {
            Description = "The directory the tables are written to (created if missing; files of the same names are replaced).",
            Required = true,
        };
        var models = SharedOptions.Models();
        var format = SharedOptions.TableFormat(ExportFiles.Formats);
        var partitionBy = new Option<string[]>("--partition-by")
        {
            Description = $"Hive-style partition keys, comma-separated: {string.Join(", ", ExportLayout.PartitionKeys)} (DIR/TABLE/kernel=K/host=H/CAPTURE.parquet).",
            AllowMultipleArgumentsPerToken = true,
        };
        var replayOptions = new ReplayOptions();
        var filterOptions = new RecordFilterOptions();
        var command = new Command("export",
            "Export captures as three tables for pandas, polars, DuckDB or Spark: events (every event read), mappings (one row per mapping " +
            "and model: observed and predicted bounce address, offset kept, failure, hang) and commands (one row per NVMe command and model: PRP verdict).")
        {
            captures, directory, format, models, partitionBy,
        };
        replayOptions.AddTo(command);
        filterOptions.AddTo(command);
        command.SetAction(parsed => CommandFailure.Guard(parsed, () => Run(
            parsed.GetValue(captures)!,
            replayOptions.RequestFrom(parsed, parsed.GetValue(models) ?? []) with { Filter = filterOptions.FilterFrom(parsed) },
            parsed.GetValue(directory)!, parsed.GetValue(format)!, ExportLayout.ParsePartitionKeys(parsed.GetValue(partitionBy) ?? []),
            parsed.InvocationConfiguration.Output, parsed.InvocationConfiguration.Error)));
        return command;
    }

    /// <summary>Exports each capture in turn; prints one line per capture with its row counts.</summary>
    /// <exception cref="UsageException">A capture is given twice.</exception>
    public static int Run(IReadOnlyList<string> capturePaths, ReplayRequest request, string directory, string format,
        IReadOnlyList<string> partitionKeys, TextWriter output, TextWriter error)
    {
        if (capturePaths.GroupBy(ExportLayout.FileStem).FirstOrDefault(g => g.Count() > 1) is { } twice)
            throw new UsageException($"{twice.First()}: given twice (or two captures share a folder and file name)");
        OutputPaths.Check(capturePaths, ("-o", directory));
        var files = ExportFiles.In(directory, format, partitionKeys, capturePaths.Count > 1);
        using var uncommitted = files.Outputs;
        foreach (var capturePath in capturePaths)
        {
            var facts = SiblingKernelFacts.Read(capturePath);
            using var capture = ReopenableCapture.Of(capturePath);
            ICaptureReader Open() => capture.Open(facts, error);
            var prepared = CaptureReplayer.Prepare(Open, facts, request);
            var verdicts = SynchronisedPredictions.For(prepared, Open, facts, request);
            var exporter = new CaptureExporter(files, new CaptureIdentity(capturePath, facts.Host, facts.Release), verdicts);
            var replay = CaptureReplayer.Run(prepared, Open, facts, request, exporter);
            var rows = exporter.Complete();
            output.WriteLine($"{capturePath}: {rows.Events} events, {rows.Mappings} mapping rows, {rows.Commands} command rows ({replay.Models.Count} models)");
            foreach (var warning in replay.Reading.Warnings.Take(3))
                error.WriteLine($"swiotrace: warning: {capturePath}: {warning}");
        }
        return (int)ExitCode.Clean;
    }
}
