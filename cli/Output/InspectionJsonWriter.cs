using System.Text.Json;
using Swiotlb.Trace.Capture;
using Swiotlb.Trace.Replay.Inspection;

namespace Swiotlb.Trace.Cli.Output;

/// <summary>The machine-readable <c>inspect</c> report.</summary>
public static class InspectionJsonWriter
{
    public static void Write(CaptureInspection inspection, TextWriter output)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true }))
            WriteDocument(inspection, json);
        output.WriteLine(System.Text.Encoding.UTF8.GetString(buffer.ToArray()));
    }

    private static void WriteDocument(CaptureInspection inspection, Utf8JsonWriter json)
    {
        var metadata = inspection.Metadata;
        json.WriteStartObject();
        json.WriteString("capture", metadata.File);
        json.WriteString("format", metadata.Format.ToString());
        json.WriteString("formatDetails", metadata.Details);
        json.WriteStartArray("partFiles");
        foreach (var part in metadata.PartFiles)
            json.WriteStringValue(part);
        json.WriteEndArray();
        json.WriteString("kernelRelease", metadata.KernelRelease);
        json.WriteString("kernelReleaseSource", metadata.KernelReleaseSource);
        WriteNullable(json, "firstTimestampNs", inspection.FirstTimestampNs);
        WriteNullable(json, "lastTimestampNs", inspection.LastTimestampNs);
        json.WriteBoolean("rawClock", metadata.RawClock);
        WriteNullable(json, "declaredCpus", metadata.DeclaredCpus);
        json.WriteStartArray("cpusSeen");
        foreach (var cpu in inspection.CpusSeen)
            json.WriteNumberValue(cpu);
        json.WriteEndArray();
        if (metadata.Panic is { } panic)
        {
            json.WriteStartObject("panic");
            json.WriteString("reason", panic.Reason);
            WriteNullable(json, "cpu", panic.Cpu);
            json.WriteEndObject();
        }
        json.WriteStartObject("eventCounts");
        foreach (var (name, count) in inspection.EventCounts)
            json.WriteNumber(name, count);
        json.WriteEndObject();
        WriteDevices(inspection, json);
        WriteStatistics(inspection, json);
        json.WriteEndObject();
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
            json.WriteString("verdict", device.Verdict.ToString());
            json.WriteString("observedVia", device.ObservedSource?.ToString());
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
        json.WriteStartObject("statistics");
        json.WriteNumber("linesRead", stats.LinesRead);
        json.WriteNumber("eventsRead", stats.EventsRead);
        json.WriteNumber("malformedLines", stats.MalformedLines);
        json.WriteNumber("lostEvents", stats.LostEvents);
        json.WriteStartObject("lostEventsByCpu");
        foreach (var (cpu, lost) in stats.LostEventsByCpu)
            json.WriteNumber(cpu.ToString(System.Globalization.CultureInfo.InvariantCulture), lost);
        json.WriteEndObject();
        json.WriteNumber("droppedConsoleMessages", stats.DroppedConsoleMessages);
        json.WriteNumber("unpairedMapReturns", inspection.UnpairedMapReturns);
        json.WriteNumber("failedMaps", inspection.FailedMaps);
        json.WriteBoolean("truncated", stats.Truncated);
        json.WriteNumber("warningCount", stats.WarningCount);
        json.WriteStartArray("warnings");
        foreach (var warning in stats.Warnings)
            json.WriteStringValue(warning.ToString());
        json.WriteEndArray();
        json.WriteEndObject();
    }

    private static void WriteNullable(Utf8JsonWriter json, string name, long? value)
    {
        if (value is { } present)
            json.WriteNumber(name, present);
        else
            json.WriteNull(name);
    }
}
