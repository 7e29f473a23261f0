using System.CommandLine;
using Swiotlb.Trace.Cli.Input;
using Swiotlb.Trace.Cli.Output;
using Swiotlb.Trace.Diff.Comparison;
using Swiotlb.Trace.Diff.Findings;
using Swiotlb.Trace.Diff.Findings.Rules;
using Swiotlb.Trace.Diff.Replaying;
using Swiotlb.Trace.Replay.Allocator;

namespace Swiotlb.Trace.Cli.Commands;

/// <summary>
/// <c>swiotrace diff BASELINE CANDIDATE</c> (two captures) or <c>swiotrace diff CAPTURE --model X --against Y</c> (two models):
/// what changed, regressions first.
/// </summary>
public static class DiffCommand
{
    public static Command Build()
    {
        var captures = new Argument<string[]>("captures")
        {
            Description = "BASELINE CANDIDATE: two captures of one workload (e.g. before and after a kernel upgrade); " +
                          "or one CAPTURE with --model and --against.",
            Arity = new ArgumentArity(1, 2),
        };
        var model = SharedOptions.CompletingModels(new Option<string?>("--model", "-m")
        {
            Description = $"With one capture: the candidate model ({SharedOptions.ModelNames}, or a kernel release).",
        });
        var against = SharedOptions.CompletingModels(new Option<string?>("--against")
        {
            Description = "With one capture: the baseline model; what the --model does worse than this one is a regression.",
        });
        var format = SharedOptions.Format(DiffReportWriters.Formats);
        var output = SharedOptions.Output();
        var failOn = FailOn.Option();
        var replayOptions = new ReplayOptions();
        var filterOptions = new RecordFilterOptions();
        var command = new Command("diff",
            "Compare two captures (per device, each under its own kernel) or two models on one capture (per mapping and per NVMe command): " +
            "offsets lost, min_align_mask broken, PRPs broken, failures, endless searches, pool peak; regressions first. " +
            "Exit 0: no regressions, 1: regressions (of the --fail-on kinds), 2: usage or input error.")
        {
            captures, model, against, format, output, failOn,
        };
        replayOptions.AddTo(command);
        filterOptions.AddTo(command);
        command.SetAction(parsed => CommandFailure.Guard(parsed, () => Run(
            parsed.GetValue(captures)!, parsed.GetValue(model), parsed.GetValue(against),
            replayOptions.RequestFrom(parsed, models: []) with { Filter = filterOptions.FilterFrom(parsed) },
            parsed.GetValue(format), parsed.GetValue(output), FailOn.Parse(parsed.GetValue(failOn)),
            parsed.InvocationConfiguration.Output, parsed.InvocationConfiguration.Error)));
        return command;
    }

    /// <exception cref="UsageException">The captures and model options do not make one of the two forms.</exception>
    public static int Run(IReadOnlyList<string> capturePaths, string? model, string? against, ReplayRequest request, ReportFormat format,
        string? outputPath, IReadOnlySet<FindingRule> failOn, TextWriter output, TextWriter error)
    {
        OutputPaths.Check(capturePaths, ("-o", outputPath));
        var started = DateTimeOffset.UtcNow;
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var copies = new List<ReopenableCapture>();
        DiffReport report;
        try
        {
            report = (capturePaths.Count, model, against) switch
            {
                (1, { } candidate, { } baseline) => DiffModels(Input(capturePaths[0], copies, error), candidate, baseline, request),
                (1, _, _) => throw new UsageException("diff CAPTURE compares two models: give both --model CANDIDATE and --against BASELINE (or give two captures)"),
                (_, null, null) => CaptureDiffer.Run(Input(capturePaths[0], copies, error), Input(capturePaths[1], copies, error), request),
                _ => throw new UsageException("diff BASELINE CANDIDATE compares two captures, each under its own kernel: --model and --against apply to one capture only"),
            };
        }
        finally
        {
            foreach (var copy in copies)
                copy.Dispose();
        }
        var exit = failOn.Any(report.Regressed) ? ExitCode.Findings : ExitCode.Clean;
        ReportDestination.Write(outputPath, output, writer => DiffReportWriters.Write(format, report, failOn, exit, writer, clock.Elapsed, started));
        return (int)exit;
    }

    /// <exception cref="UsageException">A model is unknown, or both name the same model.</exception>
    private static DiffReport DiffModels(CaptureInput capture, string candidate, string baseline, ReplayRequest request)
    {
        var candidateModel = ModelRegistry.Resolve(SharedOptions.CheckedModel(candidate, $"--model '{candidate}'"), candidate).Name;
        var baselineModel = ModelRegistry.Resolve(SharedOptions.CheckedModel(baseline, $"--against '{baseline}'"), baseline).Name;
        if (candidateModel == baselineModel)
            throw new UsageException($"--model {candidate} and --against {baseline} are both {candidateModel}: nothing to compare");
        return ModelDiffer.Run(capture.Open, capture.Facts, candidate, baseline, request);
    }

    /// <summary>A capture to replay, with its sibling kernel facts read once for every time it is opened; a pipe's copy is
    /// added to <paramref name="copies"/> for the caller to delete.</summary>
    private static CaptureInput Input(string path, List<ReopenableCapture> copies, TextWriter error)
    {
        var facts = SiblingKernelFacts.Read(path);
        var capture = ReopenableCapture.Of(path);
        copies.Add(capture);
        return new(() => capture.Open(facts, error), facts);
    }
}
