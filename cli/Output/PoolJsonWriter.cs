using System.Text.Json;
using Swiotlb.Trace.Diff.Pool;
using Swiotlb.Trace.Replay.Pool;
using Swiotlb.Trace.Replay.Simulation;

namespace Swiotlb.Trace.Cli.Output;

/// <summary>The <c>pool</c> report as JSON: every figure of the text report, series as [timeNs, value] pairs, causes as
/// camelCase names.</summary>
public static class PoolJsonWriter
{
    public static void Write(PoolAnalysis analysis, TextWriter output) => JsonOutput.Write(output, "pool", json =>
    {
        json.WriteString("capture", analysis.Metadata.File);
        json.WriteString("verdict", PoolVerdict.Headline(analysis));
        json.WriteNumber("failures", PoolVerdict.Failures(analysis));
        json.WriteNumber("eventsRead", analysis.Reading.EventsRead);
        json.WriteBoolean("truncated", analysis.Reading.Truncated);
        StatisticsOutput.WriteJson(analysis.Reading.Values(), json);
        if (analysis.Debugfs?.UsedHiwater is { } hiwater)
            json.WriteNumber("debugfsUsedHiwater", hiwater);
        if (analysis.Observed is { } observed)
        {
            json.WriteStartObject("kernel");
            json.WriteString("model", observed.Model);
            json.WriteNumber("predicted", observed.Reconstruction.Predicted);
            json.WriteNumber("matched", observed.Reconstruction.ExactMatches);
            json.WriteNumber("blockedBehindEndlessSearch", observed.BlockedBehindEndlessSearch);
            WritePool(json, observed.Observer);
            json.WriteEndObject();
        }
        json.WriteStartArray("models");
        foreach (var model in analysis.Models)
        {
            json.WriteStartObject();
            json.WriteString("model", model.Model.Name);
            json.WriteString("reason", model.Model.Reason);
            WritePool(json, model.Observer);
            json.WriteEndObject();
        }
        json.WriteEndArray();
        json.WriteStartObject("sweep");
        json.WriteString("model", analysis.SweepModel);
        json.WriteStartArray("pools");
        foreach (var point in analysis.Sweep)
        {
            json.WriteStartObject();
            json.WriteNumber("slots", point.Pool.Slots);
            json.WriteNumber("areas", point.Pool.Areas);
            json.WriteNumber("mappings", point.Mappings);
            json.WriteNumber("failures", point.Failures);
            json.WriteNumber("endlessSearches", point.EndlessSearches);
            json.WriteNumber("peakUsedSlots", point.PeakUsedSlots);
            json.WriteNumber("fallBacks", point.FallBacks);
            json.WriteEndObject();
        }
        json.WriteEndArray();
        if (analysis.Smallest is { } smallest)
        {
            json.WriteStartObject("smallestWithoutFailures");
            json.WriteNumber("slots", smallest.Pool.Slots);
            json.WriteNumber("areas", smallest.Pool.Areas);
            json.WriteString("kernelArgument", analysis.RecommendedArgument);
            json.WriteEndObject();
        }
        else
            json.WriteNull("smallestWithoutFailures");
        json.WriteEndObject();
        json.WriteStrings("warnings", analysis.Warnings);
    });

    private static void WritePool(Utf8JsonWriter json, PoolObserver observer)
    {
        json.WriteNumber("slots", observer.Geometry.SlotCount);
        json.WriteNumber("areas", observer.Geometry.AreaCount);
        json.WriteString("poolStart", Figures.Hex(observer.Geometry.StartAddress));
        json.WriteNumber("mappings", observer.Mappings);
        json.WriteNumber("peakUsedSlots", observer.PeakUsedSlots);
        json.WriteNumber("peakTimeNs", observer.PeakTimeNs);
        json.WriteNumber("peakLiveMappings", observer.LiveMappings.Extreme);
        json.WriteNumber("lowestLargestFreeRun", observer.LargestFreeRun.Extreme);
        json.WriteNumber("fallBacks", observer.FallBacks);
        json.WriteStartArray("holdersAtPeak");
        foreach (var share in observer.HoldersAtPeak)
        {
            json.WriteStartObject();
            json.WriteString("device", share.DeviceName);
            json.WriteNumber("minSlots", share.SizeClass.MinSlots);
            json.WriteNumber("maxSlots", share.SizeClass.MaxSlots);
            json.WriteNumber("mappings", share.Mappings);
            json.WriteNumber("slots", share.Slots);
            json.WriteEndObject();
        }
        json.WriteEndArray();
        json.WriteStartObject("failuresByCause");
        foreach (var cause in Enum.GetValues<FailureCause>())
            json.WriteNumber(JsonOutput.EnumName(cause), observer.FailuresOf(cause));
        json.WriteEndObject();
        json.WriteStartArray("failures");
        foreach (var failure in observer.Failures)
        {
            json.WriteStartObject();
            json.WriteNumber("timeNs", failure.TimeNs);
            json.WriteString("device", failure.DeviceName);
            json.WriteNumber("cpu", failure.Cpu);
            json.WriteNumber("mappingSize", failure.MappingSize);
            json.WriteEnum("cause", failure.Cause);
            json.WriteNumber("slotsNeeded", failure.SlotsNeeded);
            json.WriteNumber("usedSlots", failure.UsedSlots);
            json.WriteNumber("freeSlots", failure.FreeSlots);
            json.WriteNumber("largestFreeRun", failure.LargestFreeRun);
            if (failure.Skew is { } skew)
            {
                json.WriteNumber("skewCpu", skew.Cpu);
                json.WriteNumber("skewLaterByNs", skew.LaterByNs);
            }
            json.WriteEndObject();
        }
        json.WriteEndArray();
        WriteSeries(json, "usedSlots", observer.UsedSlots);
        json.WriteStartArray("areaUsedSlots");
        foreach (var area in observer.AreaUsedSlots)
            WritePoints(json, area);
        json.WriteEndArray();
        WriteSeries(json, "liveMappings", observer.LiveMappings);
        WriteSeries(json, "largestFreeRun", observer.LargestFreeRun);
    }

    private static void WriteSeries(Utf8JsonWriter json, string name, BucketedSeries series)
    {
        json.WritePropertyName(name);
        WritePoints(json, series);
    }

    private static void WritePoints(Utf8JsonWriter json, BucketedSeries series)
    {
        json.WriteStartArray();
        foreach (var point in series.Points)
        {
            json.WriteStartArray();
            json.WriteNumberValue(point.StartNs);
            json.WriteNumberValue(point.Value);
            json.WriteEndArray();
        }
        json.WriteEndArray();
    }
}
