using System.CommandLine;
using Swiotlb.Trace.Cli.Input;
using Swiotlb.Trace.Cli.Output;
using Swiotlb.Trace.Diff.Replaying;
using Swiotlb.Trace.Replay.Inspection;

namespace Swiotlb.Trace.Cli.Commands;

/// <summary><c>swiotrace inspect CAPTURE</c>: what a capture holds.</summary>
public static class InspectCommand
{
    public static Command Build()
    {
        var capture = SharedOptions.Capture();
        var format = SharedOptions.Format("text", "json");
        var output = SharedOptions.Output();
        var command = new Command("inspect",
            "Show what a capture holds: format, kernel, time span, CPUs, events by type, devices and whether their offsets survived bouncing, the NVMe commands the kernel's own bounce addresses broke, lost events.")
        {
            capture, format, output,
        };
        command.SetAction(parsed => CommandFailure.Guard(parsed, () => Run(
            parsed.GetValue(capture)!, parsed.GetValue(format)!, parsed.GetValue(output),
            parsed.InvocationConfiguration.Output, parsed.InvocationConfiguration.Error)));
        return command;
    }

    public static int Run(string capturePath, string format, string? outputPath, TextWriter output, TextWriter error)
    {
        OutputPaths.Check([capturePath], ("-o", outputPath));
        var facts = SiblingKernelFacts.Read(capturePath);
        using var capture = ReopenableCapture.Of(capturePath);
        CaptureInspection inspection;
        using (var reader = capture.Open(facts, error))
            inspection = CaptureInspector.Inspect(reader);
        var observed = JudgesCommands(inspection)
            ? CaptureReplayer.Run(() => capture.Open(facts, error), facts, ReplayRequest.Defaults with { ObservedOnly = true }).Summary
            : null;
        ReportDestination.Write(outputPath, output, writer =>
        {
            if (format == "json")
                InspectionJsonWriter.Write(inspection, observed, writer);
            else
                InspectionTextWriter.Write(inspection, observed, writer);
        });
        foreach (var warning in inspection.Statistics.Warnings.Take(3))
            error.WriteLine($"swiotrace: warning: {warning}");
        return (int)ExitCode.Clean;
    }

    /// <summary>NVMe commands and the bounce addresses the kernel gave: what observed breakage is judged from.</summary>
    private static bool JudgesCommands(CaptureInspection inspection) =>
        inspection.NvmeCommandsByDisk.Count > 0 && inspection.Devices.Any(d => d.ObservedSource is not null);
}
