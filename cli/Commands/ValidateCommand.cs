using System.CommandLine;
using Swiotlb.Trace.Cli.Input;
using Swiotlb.Trace.Cli.Output;
using Swiotlb.Trace.Replay.Validation;

namespace Swiotlb.Trace.Cli.Commands;

/// <summary><c>swiotrace validate CAPTURE</c>: replays a capture's mappings through a model and compares every
/// predicted bounce address with the one the kernel returned.</summary>
public static class ValidateCommand
{
    public static Command Build()
    {
        var capture = SharedOptions.Capture();
        var model = SharedOptions.CompletingModels(new Option<string?>("--model", "-m")
        {
            Description = $"The allocator model ({SharedOptions.ModelNames}) or a kernel release. Default: the capture's own kernel.",
        });
        var format = SharedOptions.Format(ReportFormat.Text, ReportFormat.Json);
        var output = SharedOptions.Output();
        var replay = new ReplayOptions();
        var command = new Command("validate",
            "Replay a capture's bounce-buffer mappings through an allocator model and compare every predicted address with the kernel's; explain mappings that never returned (hangs).")
        {
            capture, model, format, output,
        };
        replay.AddTo(command);
        command.SetAction(parsed => CommandFailure.Guard(parsed, () => Run(
            parsed.GetValue(capture)!,
            new ValidationOptions(parsed.GetValue(model) is { } named ? SharedOptions.CheckedModel(named, $"unknown model '{named}'") : null, replay.PoolFrom(parsed), replay.DevicesFrom(parsed)),
            parsed.GetValue(format), parsed.GetValue(output), parsed.InvocationConfiguration.Output, parsed.InvocationConfiguration.Error)));
        return command;
    }

    public static int Run(string capturePath, ValidationOptions options, ReportFormat format, string? outputPath, TextWriter output, TextWriter error)
    {
        OutputPaths.Check([capturePath], ("-o", outputPath));
        var facts = SiblingKernelFacts.Read(capturePath);
        using var capture = ReopenableCapture.Of(capturePath);
        var (validation, reading) = ReferenceOrderValidation.Validate(() => capture.Open(facts, error), facts, options);
        var hangs = HangAnalysis.Diagnose(validation.Report.Unreturned, validation.Pool.Geometry.AreaCount);
        ReportDestination.Write(outputPath, output, writer =>
        {
            if (format == ReportFormat.Json)
                ValidationJsonWriter.Write(capturePath, validation, hangs, reading, writer);
            else
                ValidationTextWriter.Write(capturePath, validation, hangs, reading, writer);
        });
        return (int)(validation.Report.AllMatch && hangs.Count == 0 ? ExitCode.Clean : ExitCode.Findings);
    }
}
