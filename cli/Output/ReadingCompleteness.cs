using System.Text.Json;
using Swiotlb.Trace.Capture;
using Swiotlb.Trace.Replay.Pairing;

namespace Swiotlb.Trace.Cli.Output;

/// <summary>
/// The reading statistics every report shows — malformed lines, events lost per CPU, truncation, CPUs dropped, map calls
/// refused — each with the results it weakens, so a damaged capture is never reported as if it were whole.
/// </summary>
public static class ReadingCompleteness
{
    /// <summary>One line per gap in what was read, saying what it weakens; empty when the capture was read whole.</summary>
    public static IReadOnlyList<string> Gaps(ReadStatistics reading, PairingStatistics pairing)
    {
        var gaps = new List<string>();
        if (reading.MalformedLines > 0)
            gaps.Add($"{reading.MalformedLines} malformed line(s) skipped: a map or unmap on them is missing, so later predictions and offsets counts may be off");
        foreach (var (cpu, lost) in reading.LostEventsByCpu.Where(l => l.Value > 0))
            gaps.Add($"CPU {cpu}: {lost} event(s) lost by the ring buffer: counts are lower bounds, and a lost unmap can turn into a mismatch");
        if (reading.WarningsByKind.GetValueOrDefault(WarningKinds.DroppedCpu) is > 0 and var dropped)
            gaps.Add($"{dropped} CPU data region(s) dropped as corrupt: those CPUs' mappings are missing from every figure");
        if (reading.WarningsByKind.GetValueOrDefault(WarningKinds.UnreadableEvent) is > 0 and var unreadable)
            gaps.Add($"{unreadable} event(s) whose fields could not be decoded: kept as generic events, not replayed");
        if (reading.Truncated)
            gaps.Add("the capture is truncated or its data is cut: mappings at the end may show as never returned, and the rest is missing");
        if (reading.DroppedConsoleMessages > 0)
            gaps.Add($"the console dropped {reading.DroppedConsoleMessages} printk message(s): the dump before that point is lost");
        if (pairing.RefusedMappings > 0)
            gaps.Add($"{pairing.RefusedMappings} map call(s) refused, sizes the kernel cannot map (first: {pairing.FirstRefusals[0]}): not replayed, so the pool state after them may differ");
        if (pairing.ReturnsBeforeEntry > 0)
            gaps.Add($"{pairing.ReturnsBeforeEntry} map return(s) timestamped before their entry: their windows span both, so reordering is looser");
        return gaps;
    }

    /// <param name="further">Later stages' declared statistics (the validator's), shown with the reader's and pairer's.</param>
    public static void WriteText(ReadStatistics reading, PairingStatistics pairing, IEnumerable<StatisticValue> further, TextWriter output)
    {
        var gaps = Gaps(reading, pairing);
        output.WriteLine($"reading:  {reading.EventsRead} events, {reading.LinesRead} lines, {reading.WarningCount} warning(s){(gaps.Count == 0 ? "; read whole" : "")}");
        foreach (var gap in gaps)
            output.WriteLine($"  weakened: {gap}");
        StatisticsOutput.WriteText("  stats:    ", reading.Values().Concat(pairing.Values()).Concat(further), output);
        foreach (var warning in reading.Warnings.Take(5))
            output.WriteLine($"  warning:  {warning}");
    }

    /// <param name="further">Later stages' declared statistics (the validator's), written with the reader's and pairer's.</param>
    public static void WriteJson(ReadStatistics reading, PairingStatistics pairing, IEnumerable<StatisticValue> further, Utf8JsonWriter json)
    {
        json.WriteStartObject("reading");
        json.WriteNumber("events", reading.EventsRead);
        json.WriteNumber("malformedLines", reading.MalformedLines);
        json.WriteBoolean("truncated", reading.Truncated);
        json.WriteNumber("refusedMappings", pairing.RefusedMappings);
        json.WriteNumber("returnsBeforeEntry", pairing.ReturnsBeforeEntry);
        json.WriteCountsByCpu("lostEventsByCpu", reading.LostEventsByCpu);
        json.WriteStartObject("warningsByKind");
        foreach (var (kind, count) in reading.WarningsByKind)
            json.WriteNumber(kind, count);
        json.WriteEndObject();
        json.WriteStartArray("weakened");
        foreach (var gap in Gaps(reading, pairing))
            json.WriteStringValue(gap);
        json.WriteEndArray();
        json.WriteStartArray("warnings");
        foreach (var warning in reading.Warnings)
            json.WriteStringValue(warning.ToString());
        json.WriteEndArray();
        json.WriteEndObject();
        StatisticsOutput.WriteJson(reading.Values().Concat(pairing.Values()).Concat(further), json);
    }
}
