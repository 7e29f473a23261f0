using System.Text.Json;
using Swiotlb.Trace.Diff.Comparison;
using Swiotlb.Trace.Diff.Findings;
using Swiotlb.Trace.Diff.Findings.Rules;

namespace Swiotlb.Trace.Cli.Output;

/// <summary>The machine-readable <c>diff</c> report: both sides, every changed figure, the transitions with their kept examples, the verdict.</summary>
public static class DiffJsonWriter
{
    public static void Write(DiffReport report, IReadOnlySet<FindingRule> failOn, ExitCode exit, TextWriter output)
    {
        JsonOutput.Write(output, "diff", json =>
        {
            json.WriteStrings("pairing", report.Pairing);
            WriteSide(json, "baseline", report.Baseline);
            WriteSide(json, "candidate", report.Candidate);
            WriteChanges(json, report.Changes);
            if (report.Transitions is { } transitions)
                WriteTransitions(json, transitions);
            WriteVerdict(json, report, failOn, exit);
        });
    }

    private static void WriteSide(Utf8JsonWriter json, string name, DiffSide side)
    {
        json.WriteStartObject(name);
        json.WriteString("capture", side.Replay.Metadata.File);
        json.WriteString("kernelRelease", side.Replay.Metadata.KernelRelease);
        json.WriteString("model", side.Model.Name);
        json.WriteString("why", side.Why);
        json.WriteString("addresses", side.AddressSource.Name);
        WriteTally(json, "peakPoolSlots", side.PeakPoolSlots);
        StatisticsOutput.WriteJson(side.Replay.Reading.Values().Concat(side.Replay.Pairing.Values()), json);
        json.WriteEndObject();
    }

    private static void WriteChanges(Utf8JsonWriter json, IReadOnlyList<MetricChange> changes)
    {
        json.WriteStartArray("changes");
        foreach (var change in changes)
        {
            json.WriteStartObject();
            json.WriteEnum("direction", change.Direction);
            json.WriteString("device", change.Device);
            json.WriteString("metric", change.Metric.Name);
            if (change.Bucket is { } bucket)
                json.WriteNumber("bucket", bucket);
            WriteTally(json, "baseline", change.Baseline);
            WriteTally(json, "candidate", change.Candidate);
            json.WriteString("failsAs", change.FailsAs?.Name);
            json.WriteEndObject();
        }
        json.WriteEndArray();
    }

    private static void WriteTransitions(Utf8JsonWriter json, ModelTransitions transitions)
    {
        json.WriteStartObject("transitions");
        json.WriteStartArray("counts");
        foreach (var count in transitions.Counts)
        {
            json.WriteStartObject();
            json.WriteEnum("direction", count.Kind.Direction);
            json.WriteString("device", count.Device);
            json.WriteString("kind", count.Kind.Name);
            json.WriteNumber("count", count.Tally.Count);
            json.WriteNumber("compared", count.Tally.OutOf);
            json.WriteString("units", count.Kind.Units);
            json.WriteEndObject();
        }
        json.WriteEndArray();
        json.WriteStartArray("mappings");
        foreach (var t in transitions.Mappings)
        {
            json.WriteStartObject();
            json.WriteString("kind", t.Kind.Name);
            json.WriteString("device", t.Device);
            json.WriteNumber("timeNs", t.TimeNs);
            json.WriteNumber("cpu", t.Cpu);
            json.WriteString("original", Figures.Hex(t.Original));
            json.WriteNumber("size", t.Size);
            json.WriteString("baselineBounce", t.BaselineBounce is { } b ? Figures.Hex(b) : null);
            json.WriteString("candidateBounce", t.CandidateBounce is { } c ? Figures.Hex(c) : null);
            json.WriteString("observedBounce", t.ObservedBounce is { } o ? Figures.Hex(o) : null);
            json.WriteEndObject();
        }
        json.WriteEndArray();
        json.WriteStartArray("commands");
        foreach (var t in transitions.Commands)
            WriteCommand(json, t);
        json.WriteEndArray();
        json.WriteEndObject();
    }

    private static void WriteCommand(Utf8JsonWriter json, CommandTransition t)
    {
        json.WriteStartObject();
        json.WriteString("kind", t.Kind.Name);
        json.WriteString("device", t.Device);
        json.WriteString("disk", t.Disk);
        json.WriteNumber("queueId", t.QueueId);
        json.WriteNumber("commandId", t.CommandId);
        json.WriteString("operation", t.Operation);
        json.WriteNumber("timeNs", t.TimeNs);
        json.WriteEnum("baselinePrp", t.Baseline.Outcome);
        json.WriteEnum("candidatePrp", t.Candidate.Outcome);
        json.WriteString("effect", t.Effect);
        json.WriteStartArray("segments");
        foreach (var s in t.Segments)
        {
            json.WriteStartObject();
            json.WriteString("original", Figures.Hex(s.Original));
            json.WriteNumber("size", s.Size);
            json.WriteString("baselineBounce", Figures.Hex(s.BaselineBounce));
            json.WriteString("candidateBounce", Figures.Hex(s.CandidateBounce));
            json.WriteEndObject();
        }
        json.WriteEndArray();
        json.WriteEndObject();
    }

    private static void WriteVerdict(Utf8JsonWriter json, DiffReport report, IReadOnlySet<FindingRule> failOn, ExitCode exit)
    {
        json.WriteStartObject("verdict");
        json.WriteNumber("exitCode", (int)exit);
        json.WriteStrings("failOn", failOn.Select(rule => rule.Name));
        foreach (var kind in FindingRules.All)
        {
            json.WriteStartObject(kind.Name);
            json.WriteNumber("regressedFigures", report.RegressedFigures(kind));
            if (report.Transitions is { } transitions)
                json.WriteNumber("regressedItems", transitions.Regressions(kind));
            json.WriteEndObject();
        }
        json.WriteEndObject();
    }

    private static void WriteTally(Utf8JsonWriter json, string name, Tally tally)
    {
        json.WriteStartObject(name);
        json.WriteNumber("count", tally.Count);
        json.WriteNumber("outOf", tally.OutOf);
        json.WriteEndObject();
    }

}
