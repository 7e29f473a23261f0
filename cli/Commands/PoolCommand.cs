using System.CommandLine;
using Swiotlb.Trace.Cli.Input;
using Swiotlb.Trace.Cli.Output;
using Swiotlb.Trace.Cli.Output.Html;
using Swiotlb.Trace.Diff.Pool;

namespace Swiotlb.Trace.Cli.Commands;

/// <summary><c>swiotrace pool CAPTURE</c>: occupancy per area, high-water mark, fragmentation, who holds the pool, why
/// mappings failed, and the smallest pool under which none would.</summary>
public static class PoolCommand
{
    public static Command Build()
    {
        var capture = SharedOptions.Capture();
        var models = SharedOptions.CompletingModels(new Option<string[]>("--model", "-m")
        {
            Description = $"A model ({SharedOptions.ModelNames}) or a kernel release to replay the pool through; repeatable; the first is swept. " +
                          "Default: the capture kernel's own model (else the newest).",
        });
        var format = SharedOptions.Format(PoolReportWriters.Formats);
        var output = SharedOptions.Output();
        var html = new Option<string?>("--html")
        {
            Description = "Also write one self-contained HTML page (occupancy per area with failures marked, the largest free run, the sweep's failure curve) to this file.",
        };
        var noSweep = new Option<bool>("--no-sweep") { Description = "Skip the what-if replays under other pool sizes and area counts." };
        var recommend = new Option<bool>("--recommend")
        {
            Description = "Print only the swiotlb= kernel argument of the smallest pool under which the capture has no failure (exit 1 when none was found).",
        };
        var replayOptions = new ReplayOptions();
        var filterOptions = new RecordFilterOptions();
        var blockOptions = new BlockReplayOptions();
        var command = new Command("pool",
            "Analyse the swiotlb pool of a capture: occupancy per area over time, the high-water mark (checked against io_tlb_used_hiwater), " +
            "fragmentation, who holds the pool at its peak, the cause of every failed or endless mapping, area fall-backs, and a what-if sweep " +
            "of pool sizes and area counts. Exit 0: no failure, 1: failures (or --recommend found no pool), 2: usage or input error.")
        {
            capture, models, format, output, html, noSweep, recommend,
        };
        replayOptions.AddTo(command);
        blockOptions.AddTo(command);
        filterOptions.AddTo(command);
        command.SetAction(parsed => CommandFailure.Guard(parsed, () => Run(
            parsed.GetValue(capture)!,
            new PoolRequest(replayOptions.RequestFrom(parsed, parsed.GetValue(models) ?? []) with { BlockRequests = blockOptions.From(parsed), Filter = filterOptions.FilterFrom(parsed) },
                Sweep: !parsed.GetValue(noSweep) || parsed.GetValue(recommend)),
            parsed.GetValue(format), parsed.GetValue(recommend), parsed.GetValue(output), parsed.GetValue(html),
            parsed.InvocationConfiguration.Output, parsed.InvocationConfiguration.Error)));
        return command;
    }

    /// <param name="recommend">Print only the kernel argument of the smallest pool without failures (exit 1 when there is none).</param>
    public static int Run(string capturePath, PoolRequest request, ReportFormat format, bool recommend, string? outputPath, string? htmlPath, TextWriter output, TextWriter error)
    {
        OutputPaths.Check([capturePath], ("-o", outputPath), ("--html", htmlPath));
        var facts = SiblingKernelFacts.Read(capturePath);
        using var capture = ReopenableCapture.Of(capturePath);
        var analysis = CapturePoolAnalyser.Run(() => capture.Open(facts, error), facts, request);
        ReportDestination.Write(outputPath, output, writer =>
        {
            if (recommend)
                PoolReportWriters.WriteRecommendation(analysis, writer);
            else
                PoolReportWriters.Write(format, analysis, writer);
        });
        if (htmlPath is not null)
            ReportDestination.Write(htmlPath, output, writer => PoolReportWriters.Write(ReportFormat.Html, analysis, writer));
        foreach (var warning in analysis.Warnings.Take(3))
            error.WriteLine($"swiotrace: warning: {warning}");
        if (recommend)
            return (int)(analysis.RecommendedArgument is null ? ExitCode.Findings : ExitCode.Clean);
        return (int)(PoolVerdict.Failures(analysis) > 0 ? ExitCode.Findings : ExitCode.Clean);
    }
}
