using System.Text.Json;
using Swiotlb.Trace.Capture;
using Swiotlb.Trace.Diff.Findings;
using Swiotlb.Trace.Replay.Inspection;

namespace Swiotlb.Trace.Cli.Output;

/// <summary>The machine-readable <c>inspect</c> report.</summary>
public static class InspectionJsonWriter
{
    /// <param name="observed">The verdicts under the kernel's own addresses; null when the capture shows no NVMe command
    /// with bounce addresses (the document then has no <c>observedBreakage</c>).</param>
    public static void Write(CaptureInspection inspection, ReplaySummary? observed, TextWriter output)
    {
        JsonOutput.Write(output, "inspect", json => WriteDocument(inspection, observed, json));
    }

    private static void WriteDocument(CaptureInspection inspection, ReplaySummary? observed, Utf8JsonWriter json)
    {
        var metadata = inspection.Metadata;
        if (observed is not null)
            ObservedBreakageJson.Write(observed, json);
        json.WriteString("capture", metadata.File);
        json.WriteEnum("format", metadata.Format);
        json.WriteString("formatDetails", metadata.Details);
        json.WriteStrings("partFiles", metadata.PartFiles);
        json.WriteString("kernelRelease", metadata.KernelRelease);
        json.WriteString("kernelReleaseSource", metadata.KernelReleaseSource);
        json.WriteNumberOrNull("firstTimestampNs", inspection.FirstTimestampNs);
        json.WriteNumberOrNull("lastTimestampNs", inspection.LastTimestampNs);
        json.WriteBoolean("rawClock", metadata.RawClock);
        json.WriteNumberOrNull("declaredCpus", metadata.DeclaredCpus);
        json.WriteStartArray("cpusSeen");
        foreach (var cpu in inspection.CpusSeen)
            json.WriteNumberValue(cpu);
        json.WriteEndArray();
        if (metadata.Panic is { } panic)
        {
            json.WriteStartObject("panic");
            json.WriteString("reason", panic.Reason);
            json.WriteNumberOrNull("cpu", panic.Cpu);
            json.WriteEndObject();
        }
        json.WriteStartObject("eventCounts");
        foreach (var (name, count) in inspection.EventCounts)
            json.WriteNumber(name, count);
        json.WriteEndObject();
        WriteDevices(inspection, json);
        WriteStatistics(inspection, json);
    }

    private static void WriteDevices(CaptureInspection inspection, Utf8JsonWriter json)
    {
        json.WriteStartArray("devices");
        foreach (var device in inspection.Devices)
        {
            json.WriteStartObject();
            json.WriteString("name", device.Name);
            json.WriteBoolean("bounced", device.Bounced);
            json.WriteNumber("bouncedEvents", device.BouncedEvents);
            json.WriteEnum("verdict", device.Verdict);
            json.WriteEnum("observedVia", device.ObservedSource);
            json.WriteNumber("mappingsObserved", device.Observed.Mappings);
            json.WriteNumber("mappingsWithPageOffset", device.Observed.WithPageOffset);
            json.WriteNumber("offsetsKept", device.Observed.OffsetsKept);
            json.WriteNumber("offsetsLost", device.Observed.OffsetsLost);
            json.WriteEndObject();
        }
        json.WriteEndArray();
        json.WriteStartObject("nvmeCommandsByDisk");
        foreach (var (disk, count) in inspection.NvmeCommandsByDisk)
            json.WriteNumber(disk, count);
        json.WriteEndObject();
        json.WriteStartObject("blockRequestsByDevice");
        foreach (var (device, count) in inspection.BlockRequestsByDevice)
            json.WriteNumber(device.ToString(), count);
        json.WriteEndObject();
    }

    private static void WriteStatistics(CaptureInspection inspection, Utf8JsonWriter json)
    {
        var stats = inspection.Statistics;
        json.WriteStartObject("reading");
        json.WriteNumber("linesRead", stats.LinesRead);
        json.WriteNumber("eventsRead", stats.EventsRead);
        json.WriteNumber("malformedLines", stats.MalformedLines);
        json.WriteNumber("lostEvents", stats.LostEvents);
        json.WriteCountsByCpu("lostEventsByCpu", stats.LostEventsByCpu);
        json.WriteNumber("droppedConsoleMessages", stats.DroppedConsoleMessages);
        json.WriteNumber("consoleLinesSkipped", stats.ConsoleLinesSkipped);
        json.WriteNumber("unpairedMapReturns", inspection.UnpairedMapReturns);
        json.WriteNumber("failedMaps", inspection.FailedMaps);
        json.WriteBoolean("truncated", stats.Truncated);
        json.WriteNumber("warningCount", stats.WarningCount);
        json.WriteStartObject("warningsByKind");
        foreach (var (kind, count) in stats.WarningsByKind)
            json.WriteNumber(kind, count);
        json.WriteEndObject();
        json.WriteStrings("warnings", stats.Warnings.Select(warning => $"{warning}"));
        json.WriteEndObject();
        StatisticsOutput.WriteJson(stats.Values(), json);
    }

}
