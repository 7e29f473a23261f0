using System.Text.Json;
using Swiotlb.Trace.Replay.Validation;

namespace Swiotlb.Trace.Cli.Output;

/// <summary>How <c>validate</c> shows where the capture lost events and which of its results that leaves uncertain.</summary>
public static class CaptureLossesOutput
{
    public static IEnumerable<string> Lines(CaptureLosses? losses, int mismatches)
    {
        if (losses is null)
            yield break;
        foreach (var gap in losses.Gaps)
            yield return gap.AfterNs is { } after
                ? $"CPU {gap.Cpu} lost {gap.Lost} event(s) between {Figures.Seconds(after)} s and {Figures.Seconds(gap.EndsAtNs)} s"
                : $"CPU {gap.Cpu} lost {gap.Lost} event(s) before {Figures.Seconds(gap.EndsAtNs)} s (the ring overwrote its oldest)";
        yield return losses.LongestLifetimeNs is { } lifetime
            ? $"a mapping lives up to {Figures.Milliseconds(lifetime)} ms here, so one made in a gap may hold its slots that long: " +
              $"checked on events the capture holds from {Figures.Seconds(losses.CheckedFullyFromNs!.Value)} s; " +
              $"{losses.MismatchesInShadow} of {mismatches} mismatch(es) fall in a gap's shadow, where the pool may hold what was lost"
            : "no mapping is seen from its map to its unmap, so how long a lost one holds its slots is unknown: every result after the first gap " +
              $"may rest on a pool missing what was lost; {losses.MismatchesInShadow} of {mismatches} mismatch(es) fall there";
    }

    public static void Write(CaptureLosses? losses, Utf8JsonWriter json)
    {
        if (losses is null)
            return;
        json.WriteStartObject("losses");
        json.WriteStartArray("gaps");
        foreach (var gap in losses.Gaps)
        {
            json.WriteStartObject();
            json.WriteNumber("cpu", gap.Cpu);
            json.WriteNumber("lost", gap.Lost);
            if (gap.AfterNs is { } after)
                json.WriteNumber("afterNs", after);
            json.WriteNumber("endsAtNs", gap.EndsAtNs);
            json.WriteEndObject();
        }
        json.WriteEndArray();
        if (losses.LongestLifetimeNs is { } lifetime)
            json.WriteNumber("longestLifetimeNs", lifetime);
        if (losses.CheckedFullyFromNs is { } from)
            json.WriteNumber("checkedFullyFromNs", from);
        json.WriteNumber("mismatchesInShadow", losses.MismatchesInShadow);
        json.WriteEndObject();
    }
}
