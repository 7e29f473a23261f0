using System.CommandLine;
using Swiotlb.Trace.Cli.Input;
using Swiotlb.Trace.Cli.Output;
using Swiotlb.Trace.Cli.Output.Html;
using Swiotlb.Trace.Diff.Findings.Rules;
using Swiotlb.Trace.Diff.Replaying;

namespace Swiotlb.Trace.Cli.Commands;

/// <summary><c>swiotrace replay CAPTURE</c>: every bounced mapping through the models; which offsets are lost and which NVMe commands break.</summary>
public static class ReplayCommand
{
    public static Command Build()
    {
        var capture = SharedOptions.Capture();
        var models = SharedOptions.Models();
        var format = SharedOptions.Format(ReplayReportWriters.Formats);
        var output = SharedOptions.Output();
        var failOn = FailOn.Option();
        var html = new Option<string?>("--html")
        {
            Description = "Also write one self-contained HTML page (plots, tables, findings; nothing fetched) to this file.",
        };
        var alsoWritten = ReplayReportWriters.Formats.Where(f => f != ReportFormat.Text)
            .Select(f => (Format: f, Option: new Option<string?>($"--{f.Name()}") { Description = $"Also write the {f.Name()} report to this file (the same replay: CI replays once)." }))
            .Append((Format: ReportFormat.Html, Option: html))
            .ToList();
        var color = SharedOptions.Color();
        var verbose = SharedOptions.Verbose();
        var replayOptions = new ReplayOptions();
        var filterOptions = new RecordFilterOptions();
        var blockOptions = new BlockReplayOptions();
        var command = new Command("replay",
            "Replay every bounced mapping of a capture through allocator models of named kernels: bounce addresses, offsets kept or lost, " +
            "NVMe commands whose PRPs break, failures and endless searches. Exit 0: no findings, 1: findings, 2: usage or input error.")
        {
            capture, models, format, output, failOn, color, verbose,
        };
        foreach (var (_, option) in alsoWritten)
            command.Options.Add(option);
        replayOptions.AddTo(command);
        blockOptions.AddTo(command);
        filterOptions.AddTo(command);
        command.SetAction(parsed => CommandFailure.Guard(parsed, () => Run(
            parsed.GetValue(capture)!,
            replayOptions.RequestFrom(parsed, parsed.GetValue(models) ?? []) with
            {
                BlockRequests = blockOptions.From(parsed),
                Filter = filterOptions.FilterFrom(parsed),
            },
            parsed.GetValue(format), parsed.GetValue(output),
            [.. alsoWritten.Select(o => (o.Format, Path: parsed.GetValue(o.Option))).Where(o => o.Path is not null).Select(o => (o.Format, o.Path!))],
            FailOn.Parse(parsed.GetValue(failOn)),
            parsed.InvocationConfiguration.Output, parsed.InvocationConfiguration.Error,
            TerminalStyle.For(parsed.GetValue(color)!, toTerminal: parsed.GetValue(output) is null && !Console.IsOutputRedirected), parsed.GetValue(verbose))));
        return command;
    }

    /// <param name="alsoWritten">Further reports of the same replay: a format (json, markdown, junit, html) and its file.</param>
    public static int Run(string capturePath, ReplayRequest request, ReportFormat format, string? outputPath, IReadOnlyList<(ReportFormat Format, string Path)> alsoWritten,
        IReadOnlySet<FindingRule> failOn, TextWriter output, TextWriter error, TerminalStyle? style = null, bool verbose = false)
    {
        OutputPaths.Check([capturePath], [("-o", outputPath), .. alsoWritten.Select(o => ($"--{o.Format.Name()}", (string?)o.Path))]);
        var facts = SiblingKernelFacts.Read(capturePath);
        using var capture = ReopenableCapture.Of(capturePath);
        var replay = CaptureReplayer.Run(() => capture.Open(facts, error), facts, request);
        var exit = FailOn.ExitCodeFor(replay.Summary, failOn);
        ReportDestination.Write(outputPath, output, writer => ReplayReportWriters.Write(format, replay, failOn, exit, writer, style, verbose));
        foreach (var (alsoFormat, path) in alsoWritten)
            ReportDestination.Write(path, output, writer => ReplayReportWriters.Write(alsoFormat, replay, failOn, exit, writer));
        foreach (var warning in replay.Reading.Warnings.Take(3))
            error.WriteLine($"swiotrace: warning: {warning}");
        return (int)exit;
    }
}
