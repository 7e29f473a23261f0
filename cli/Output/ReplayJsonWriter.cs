using System.Globalization;
using System.Text.Json;
using Swiotlb.Trace.Diff.Findings;
using Swiotlb.Trace.Diff.Findings.Rules;
using Swiotlb.Trace.Diff.Nvme;
using Swiotlb.Trace.Diff.Replaying;

namespace Swiotlb.Trace.Cli.Output;

/// <summary>The machine-readable <c>replay</c> report: every total, the kept findings, the occupancy series.</summary>
public static class ReplayJsonWriter
{
    public static void Write(CaptureReplay replay, IReadOnlySet<FindingRule> failOn, ExitCode exit, TextWriter output)
    {
        JsonOutput.Write(output, "replay", json =>
        {
            ObservedBreakageJson.Write(replay.Summary, json);
            WriteCapture(replay, json);
            WriteModels(replay, json);
            WriteDevices(replay, json);
            WriteSummaries(replay.Summary, json);
            WriteFindings(replay.Summary, json);
            json.WriteStrings("assumptions", replay.Assumptions);
            json.WriteStrings("warnings", ReplayFacts.Warnings(replay));
            json.WriteStartObject("verdict");
            json.WriteNumber("exitCode", (int)exit);
            json.WriteStrings("failOn", failOn.Select(rule => rule.Name));
            foreach (var rule in FindingRules.All)
                json.WriteNumber(rule.Name, replay.Summary.Count(rule));
            json.WriteEndObject();
        });
    }

    private static void WriteCapture(CaptureReplay replay, Utf8JsonWriter json)
    {
        json.WriteStartObject("capture");
        json.WriteString("file", replay.Metadata.File);
        json.WriteEnum("format", replay.Metadata.Format);
        json.WriteString("kernelRelease", replay.Metadata.KernelRelease);
        json.WriteNumber("events", replay.Reading.EventsRead);
        json.WriteNumber("lostEvents", replay.Reading.LostEvents);
        json.WriteNumber("malformedLines", replay.Reading.MalformedLines);
        json.WriteBoolean("truncated", replay.Reading.Truncated);
        json.WriteEndObject();
        PairingJson.Write(replay.Pairing, replay.Source, json);
        ReadingCompleteness.WriteJson(replay.Reading, replay.Pairing, [], json);
    }

    private static void WriteModels(CaptureReplay replay, Utf8JsonWriter json)
    {
        json.WriteStartArray("models");
        foreach (var (model, run) in replay.ModelRuns)
        {
            json.WriteStartObject();
            json.WriteString("name", model.Name);
            json.WriteString("reason", model.Reason);
            json.WriteStartObject("pool");
            json.WriteString("start", Figures.Hex(model.Pool.Geometry.StartAddress));
            json.WriteNumber("slots", model.Pool.Geometry.SlotCount);
            json.WriteNumber("areas", model.Pool.Geometry.AreaCount);
            json.WriteStrings("sources", model.Pool.Sources);
            InferredPoolOutput.Write(model.Pool.Inference, json);
            json.WriteEndObject();
            json.WriteNumber("peakUsedSlots", run.Occupancy.Extreme);
            json.WriteNumber("failures", run.Failures);
            json.WriteNumber("endlessSearches", run.EndlessSearches);
            json.WriteNumber("hazards", run.Hazards);
            json.WriteStartArray("occupancy");
            foreach (var point in run.Occupancy.Points)
            {
                json.WriteStartArray();
                json.WriteNumberValue(point.StartNs);
                json.WriteNumberValue(point.Value);
                json.WriteEndArray();
            }
            json.WriteEndArray();
            json.WriteEndObject();
        }
        json.WriteEndArray();
    }

    private static void WriteDevices(CaptureReplay replay, Utf8JsonWriter json)
    {
        json.WriteStartArray("devices");
        foreach (var (device, (parameters, evidence)) in replay.Devices.OrderBy(d => d.Key, StringComparer.Ordinal))
        {
            json.WriteStartObject();
            json.WriteString("name", device);
            json.WriteString("minAlignMask", Figures.Hex(parameters.MinAlignMask));
            json.WriteEnum("evidence", evidence);
            json.WriteEndObject();
        }
        json.WriteEndArray();
    }

    private static void WriteSummaries(ReplaySummary summary, Utf8JsonWriter json)
    {
        json.WriteStartArray("summary");
        foreach (var d in summary.Devices)
        {
            json.WriteStartObject();
            json.WriteString("device", d.Device);
            json.WriteString("model", d.Model.Name);
            json.WriteNumber("mappings", d.Mappings);
            json.WriteNumber("withPageOffset", d.WithPageOffset);
            json.WriteNumber("offsetsLost", d.OffsetsLost);
            json.WriteNumber("commandsChecked", d.CommandsChecked);
            foreach (var figure in FindingRules.All.Select(rule => rule.Figure).OfType<FindingFigure>())
                json.WriteNumber(figure.Metric, figure.Count(d));
            json.WriteNumber("hazards", d.Hazards);
            json.WriteNumber("bytesAffected", d.BytesAffected);
            WriteHistogram(json, "byBufferOffset", d.ByBufferOffset);
            WriteHistogram(json, "bySizeClass", d.BySizeClass);
            json.WriteEndObject();
        }
        json.WriteEndArray();
        json.WriteNumber("commandsUnchecked", summary.CommandsUnchecked);
        json.WriteNumber("commandsUsingSgl", summary.CommandsUsingSgl);
    }

    private static void WriteHistogram(Utf8JsonWriter json, string name, OffsetHistogram histogram)
    {
        json.WriteStartObject(name);
        foreach (var (bucket, (kept, lost)) in histogram.Buckets)
        {
            json.WriteStartObject(bucket.ToString(CultureInfo.InvariantCulture));
            json.WriteNumber("kept", kept);
            json.WriteNumber("lost", lost);
            json.WriteEndObject();
        }
        json.WriteEndObject();
    }

    private static void WriteFindings(ReplaySummary summary, Utf8JsonWriter json)
    {
        json.WriteStartArray("mappingFindings");
        foreach (var f in summary.MappingFindings)
        {
            json.WriteStartObject();
            json.WriteString("kind", f.Rule.Name);
            json.WriteString("device", f.Device);
            json.WriteString("model", f.Model.Name);
            json.WriteNumber("timeNs", f.TimeNs);
            json.WriteNumber("cpu", f.Cpu);
            json.WriteString("original", Figures.Hex(f.Original));
            json.WriteNumber("size", f.Size);
            json.WriteString("bounce", f.ModelBounce is { } b ? Figures.Hex(b) : null);
            json.WriteString("observed", f.ObservedBounce is { } o ? Figures.Hex(o) : null);
            json.WriteString("detail", f.Detail);
            json.WriteStartObject("evidence");
            foreach (var field in f.Evidence)
                JsonOutput.WriteField(json, field);
            json.WriteEndObject();
            json.WriteEndObject();
        }
        json.WriteEndArray();
        json.WriteStartArray("commandFindings");
        foreach (var f in summary.CommandFindings)
        {
            json.WriteStartObject();
            json.WriteString("device", f.Device);
            json.WriteString("model", f.Model.Name);
            json.WriteString("disk", f.Disk);
            json.WriteNumber("queueId", f.QueueId);
            json.WriteNumber("commandId", f.CommandId);
            json.WriteString("operation", f.Operation);
            if (f.StartLba is { } lba)
                json.WriteNumber("startLba", lba);
            if (f.Blocks is { } blocks)
                json.WriteNumber("blocks", blocks);
            json.WriteNumber("timeNs", f.TimeNs);
            json.WriteEnum("prp", f.Verdict.Outcome);
            json.WriteString("effect", f.Effect);
            json.WriteStrings("prpEntries", f.Verdict.Entries.Select(Figures.Hex));
            json.WriteStartArray("segments");
            foreach (var s in f.Segments)
            {
                json.WriteStartObject();
                json.WriteString("original", Figures.Hex(s.Original));
                json.WriteNumber("size", s.Size);
                json.WriteString("bounce", Figures.Hex(s.Bounce));
                json.WriteEndObject();
            }
            json.WriteEndArray();
            json.WriteEndObject();
        }
        json.WriteEndArray();
    }
}
