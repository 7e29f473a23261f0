using System.CommandLine;
using Swiotlb.Trace.Capture;
using Swiotlb.Trace.Cli.Input;
using Swiotlb.Trace.Cli.Output;
using Swiotlb.Trace.Diff.Findings;
using Swiotlb.Trace.Diff.Replaying;
using Swiotlb.Trace.Replay.Inspection;

namespace Swiotlb.Trace.Cli.Commands;

/// <summary><c>swiotrace inspect CAPTURE</c>: what a capture holds.</summary>
public static class InspectCommand
{
    public static Command Build()
    {
        var capture = SharedOptions.Capture();
        var format = SharedOptions.Format(ReportFormat.Text, ReportFormat.Json);
        var output = SharedOptions.Output();
        var command = new Command("inspect",
            "Show what a capture holds: format, kernel, time span, CPUs, events by type, devices and whether their offsets survived bouncing, the NVMe commands the kernel's own bounce addresses broke, lost events.")
        {
            capture, format, output,
        };
        command.SetAction(parsed => CommandFailure.Guard(parsed, () => Run(
            parsed.GetValue(capture)!, parsed.GetValue(format), parsed.GetValue(output),
            parsed.InvocationConfiguration.Output, parsed.InvocationConfiguration.Error)));
        return command;
    }

    public static int Run(string capturePath, ReportFormat format, string? outputPath, TextWriter output, TextWriter error)
    {
        OutputPaths.Check([capturePath], ("-o", outputPath));
        var facts = SiblingKernelFacts.Read(capturePath);
        using var capture = ReopenableCapture.Of(capturePath);
        var (inspection, observed) = Inspect(() => capture.Open(facts, error), facts);
        ReportDestination.Write(outputPath, output, writer =>
        {
            if (format == ReportFormat.Json)
                InspectionJsonWriter.Write(inspection, observed, writer);
            else
                InspectionTextWriter.Write(inspection, observed, writer);
        });
        foreach (var warning in inspection.Statistics.Warnings.Take(3))
            error.WriteLine($"swiotrace: warning: {warning}");
        return (int)ExitCode.Clean;
    }

    /// <summary>One pass that summarises the capture and, at the same time, gathers the evidence an observed replay needs;
    /// then, when the capture has NVMe commands and the kernel's own bounce addresses, that replay (the verdicts under
    /// the kernel's own addresses), else null.</summary>
    private static (CaptureInspection, ReplaySummary?) Inspect(Func<ICaptureReader> open, KernelFacts facts)
    {
        var request = ReplayRequest.Defaults with { ObservedOnly = true };
        var inspector = new CaptureInspector();
        var source = new MappingSourceProbe();
        CaptureInspection inspection;
        CaptureReplayer.CaptureFacts found;
        EvidenceGathering gathering;
        using (var reader = open())
        {
            var release = facts.Release ?? reader.Metadata.KernelRelease;
            gathering = new EvidenceGathering(facts, request, release);
            foreach (var traceEvent in reader.ReadEvents())
            {
                inspector.Add(traceEvent);
                source.Feed(traceEvent);
                gathering.Feed(traceEvent);
            }
            inspection = inspector.Finish(reader.Metadata, reader.Statistics);
            found = new CaptureReplayer.CaptureFacts(source.Kind, source.PoolStart, release, reader.Metadata.DeclaredCpus);
        }
        if (!JudgesCommands(inspection))
            return (inspection, null);
        var prepared = CaptureReplayer.Prepared(found, facts, request, CaptureReplayer.IsExact(found.Source) ? gathering : null);
        return (inspection, CaptureReplayer.Run(prepared, open, facts, request).Summary);
    }

    /// <summary>NVMe commands and the bounce addresses the kernel gave: what observed breakage is judged from.</summary>
    private static bool JudgesCommands(CaptureInspection inspection) =>
        inspection.NvmeCommandsByDisk.Count > 0 && inspection.Devices.Any(d => d.ObservedSource is not null);
}
