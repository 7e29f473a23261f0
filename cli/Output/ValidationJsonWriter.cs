using System.Text.Json;
using Swiotlb.Trace.Capture;
using Swiotlb.Trace.Replay.Allocator;
using Swiotlb.Trace.Replay.Records;
using Swiotlb.Trace.Replay.Validation;

namespace Swiotlb.Trace.Cli.Output;

/// <summary>The machine-readable <c>validate</c> report. Addresses and masks are hex strings; times are nanoseconds.</summary>
public static class ValidationJsonWriter
{
    public static void Write(string capturePath, CaptureValidation validation, IReadOnlyList<UnreturnedDiagnosis> hangs, ReadStatistics reading, TextWriter output)
    {
        JsonOutput.Write(output, "validate", json => WriteDocument(capturePath, validation, hangs, reading, json));
    }

    private static void WriteDocument(string capturePath, CaptureValidation validation, IReadOnlyList<UnreturnedDiagnosis> hangs, ReadStatistics reading, Utf8JsonWriter json)
    {
        var report = validation.Report;
        var pool = validation.Pool.Geometry;
        json.WriteString("capture", capturePath);
        json.WriteString("model", validation.Model);
        json.WriteString("modelSource", validation.ModelSource);
        WritePool(validation.Pool, json);
        WriteDevices(validation, json);
        PairingJson.Write(validation.Pairing, null, json);
        ReadingCompleteness.WriteJson(reading, validation.Pairing, report.Values(), json);
        CaptureLossesOutput.Write(validation.Losses, json);
        WriteTallies(report, json);
        json.WriteStartArray("divergences");
        foreach (var divergence in report.Divergences)
            WriteDivergence(divergence, pool, json);
        json.WriteEndArray();
        WriteFirstDivergence(report.FirstDivergence, json);
        WriteUnreturned(hangs, json);
        json.WriteStrings("warnings", validation.Warnings);
    }

    private static void WritePool(PoolGeometryChoice choice, Utf8JsonWriter json)
    {
        var pool = choice.Geometry;
        json.WriteStartObject("pool");
        json.WriteString("start", Figures.Hex(pool.StartAddress));
        json.WriteNumber("slots", pool.SlotCount);
        json.WriteNumber("areas", pool.AreaCount);
        json.WriteNumber("pageSize", pool.PageSize);
        json.WriteStrings("sources", choice.Sources);
        InferredPoolOutput.Write(choice.Inference, json);
        json.WriteEndObject();
    }

    private static void WriteDevices(CaptureValidation validation, Utf8JsonWriter json)
    {
        var tallies = validation.Report.Devices.ToDictionary(d => d.DeviceName);
        json.WriteStartArray("devices");
        foreach (var (name, (parameters, evidence)) in validation.Devices.OrderBy(d => d.Key, StringComparer.Ordinal))
        {
            json.WriteStartObject();
            json.WriteString("name", name);
            json.WriteString("minAlignMask", Figures.Hex(parameters.MinAlignMask));
            json.WriteEnum("evidence", evidence);
            var tally = tallies.GetValueOrDefault(name);
            json.WriteNumber("mappings", tally?.Mappings ?? 0);
            json.WriteNumber("adopted", tally?.Adopted ?? 0);
            json.WriteNumber("predicted", tally?.Predicted ?? 0);
            json.WriteNumber("matched", tally?.Matched ?? 0);
            json.WriteEndObject();
        }
        json.WriteEndArray();
    }

    private static void WriteTallies(ValidationReport report, Utf8JsonWriter json)
    {
        json.WriteStartObject("replay");
        json.WriteNumber("mappings", report.Mappings);
        json.WriteNumber("preexisting", report.PreexistingMappings);
        json.WriteNumber("adopted", report.Adopted);
        json.WriteNumber("predicted", report.Predicted);
        json.WriteNumber("exactMatches", report.ExactMatches);
        json.WriteNumber("matchedAfterRecovery", report.MatchedAfterRecovery);
        json.WriteNumber("matchedAfterReordering", report.MatchedAfterReordering);
        json.WriteNumber("reorderedGroups", report.ReorderedGroups);
        json.WriteNumber("recoveredUnmaps", report.RecoveredUnmaps);
        json.WriteNumber("recoveredUnmapsInPairing", report.RecoveredInPairing);
        json.WriteNumber("recoveredUnmapsInPairingNotLive", report.RecoveredInPairingNotLive);
        json.WriteNumber("recoveredUnmapsFromReusedSlots", report.RecoveredFromReusedSlots);
        json.WriteNumber("ignoredUnmaps", report.IgnoredUnmaps);
        json.WriteNumber("mismatches", report.Mismatches);
        json.WriteNumber("predictedFailures", report.PredictedFailures);
        json.WriteNumber("observedFailures", report.ObservedFailures);
        json.WriteBoolean("allMatch", report.AllMatch);
        json.WriteEndObject();
    }

    private static void WriteDivergence(Divergence divergence, PoolGeometry pool, Utf8JsonWriter json)
    {
        json.WriteStartObject();
        WriteRecordFields(divergence.Record, json);
        WriteAnswer("predicted", divergence.Predicted, json);
        WriteObserved(divergence.Record.Observed, json);
        json.WriteNumber("area", divergence.Area);
        json.WriteNumber("areaCursor", divergence.AreaCursor);
        if (divergence.Record.Observed.Kind == ObservedKind.Mapped && pool.Contains(divergence.Record.Observed.BounceAddress))
            json.WriteNumber("observedSlot", ReplayRecordText.SlotOf(divergence.Record.Observed.BounceAddress, pool));
        json.WriteEndObject();
    }

    private static void WriteFirstDivergence(DivergenceContext? context, Utf8JsonWriter json)
    {
        if (context is null)
        {
            json.WriteNull("firstDivergence");
            return;
        }
        json.WriteStartObject("firstDivergence");
        json.WriteNumber("sequence", context.Divergence.Record.Sequence);
        WriteOutcomes("before", context.Before, json);
        WriteOutcomes("after", context.After, json);
        json.WriteEndObject();
    }

    private static void WriteOutcomes(string name, IReadOnlyList<RecordOutcome> outcomes, Utf8JsonWriter json)
    {
        json.WriteStartArray(name);
        foreach (var outcome in outcomes)
        {
            json.WriteStartObject();
            WriteRecordFields(outcome.Record, json);
            json.WriteEnum("verdict", outcome.Verdict);
            json.WriteEndObject();
        }
        json.WriteEndArray();
    }

    private static void WriteUnreturned(IReadOnlyList<UnreturnedDiagnosis> hangs, Utf8JsonWriter json)
    {
        json.WriteStartArray("unreturned");
        foreach (var hang in hangs)
        {
            json.WriteStartObject();
            WriteRecordFields(hang.Mapping.Record, json);
            json.WriteEnum("cause", hang.Cause);
            if (hang.BlockingCpu is { } cpu)
                json.WriteNumber("blockingCpu", cpu);
            if (hang.BlockingArea is { } area)
                json.WriteNumber("blockingArea", area);
            WriteAnswer("predicted", hang.Mapping.Predicted, json);
            if (hang.Mapping.Hazard is { } hazard)
                WriteEvidence("hazard", hazard, json);
            else
                json.WriteNull("hazard");
            json.WriteEndObject();
        }
        json.WriteEndArray();
    }

    private static void WriteRecordFields(ReplayRecord record, Utf8JsonWriter json)
    {
        json.WriteNumber("sequence", record.Sequence);
        json.WriteNumber("timeNs", record.Window.Start);
        json.WriteString("device", record.DeviceName);
        switch (record)
        {
            case MapRecord map:
                json.WriteString("kind", "map");
                json.WriteNumber("cpu", map.Request.Cpu);
                json.WriteString("original", Figures.Hex(map.Request.OriginalAddress));
                json.WriteNumber("size", map.Request.MappingSize);
                break;
            case UnmapRecord unmap:
                json.WriteString("kind", unmap.Evidence == UnmapEvidence.Recovered ? "recoveredUnmap" : "unmap");
                json.WriteString("bounce", Figures.Hex(unmap.Request.BounceAddress));
                json.WriteNumber("size", unmap.Request.MappingSize);
                break;
        }
    }

    private static void WriteAnswer(string name, in MapResult result, Utf8JsonWriter json)
    {
        json.WriteStartObject(name);
        json.WriteEnum("outcome", result.Outcome);
        if (result.IsMapped)
        {
            json.WriteString("address", Figures.Hex(result.Allocation.BounceAddress));
            json.WriteNumber("slot", result.Allocation.StartSlot);
            json.WriteNumber("area", result.Allocation.Area);
        }
        if (result.Outcome == MapOutcome.EndlessSearch)
            WriteEvidence("endlessSearch", result.Endless, json);
        json.WriteEndObject();
    }

    private static void WriteObserved(in ObservedMap observed, Utf8JsonWriter json)
    {
        json.WriteStartObject("observed");
        json.WriteEnum("outcome", observed.Kind);
        if (observed.Kind == ObservedKind.Mapped)
            json.WriteString("address", Figures.Hex(observed.BounceAddress));
        json.WriteEndObject();
    }

    private static void WriteEvidence(string name, in EndlessSearchEvidence evidence, Utf8JsonWriter json)
    {
        json.WriteStartObject(name);
        json.WriteNumber("area", evidence.Area);
        json.WriteNumber("cursor", evidence.Cursor);
        json.WriteNumber("wrap", evidence.Wrap);
        json.WriteNumber("stride", evidence.Stride);
        json.WriteString("matchMask", Figures.Hex(evidence.MatchMask));
        json.WriteString("requiredBits", Figures.Hex(evidence.RequiredBits));
        json.WriteString("wrapBits", Figures.Hex(evidence.WrapBits));
        json.WriteNumber("slotsNeeded", evidence.SlotsNeeded);
        json.WriteNumber("freeSlots", evidence.FreeSlots);
        json.WriteEndObject();
    }
}
