using Swiotlb.Trace.Capture;
using Swiotlb.Trace.Events;
using Swiotlb.Trace.Replay.Records;

namespace Swiotlb.Trace.Replay.Validation;

/// <summary>Where one CPU's events were lost (the ring overwrote or dropped them): between <paramref name="AfterNs"/>
/// (the CPU's last event before, or null when the loss precedes its first) and <paramref name="EndsAtNs"/> (its next event).</summary>
public sealed record EventGap(int Cpu, long Lost, long? AfterNs, long EndsAtNs);

/// <summary>What the capture's lost events leave uncertain: mappings made in a gap were never seen, and may hold slots
/// for as long as a mapping lives, so predictions until then rest on a pool that may be missing them.</summary>
/// <param name="LongestLifetimeNs">The longest time from a map to its unmap the capture shows; null when it shows none,
/// and a shadow then lasts to the end.</param>
/// <param name="MismatchesInShadow">Mismatches that fall in a gap or within the longest lifetime after one.</param>
public sealed record CaptureLosses(IReadOnlyList<EventGap> Gaps, long? LongestLifetimeNs, int MismatchesInShadow)
{
    /// <summary>Whether a prediction at <paramref name="timeNs"/> could be wrong for events the capture lost.</summary>
    public static bool InShadow(IReadOnlyList<EventGap> gaps, long? longestLifetimeNs, long timeNs) =>
        gaps.Any(gap => (gap.AfterNs ?? long.MinValue) <= timeNs && timeNs <= ShadowEnd(gap, longestLifetimeNs));

    /// <summary>When the last shadow ends: from then on every prediction rests on events the capture holds; null when
    /// no lifetime bounds the shadows.</summary>
    public long? CheckedFullyFromNs => LongestLifetimeNs is null ? null : Gaps.Max(gap => ShadowEnd(gap, LongestLifetimeNs));

    private static long ShadowEnd(EventGap gap, long? longestLifetimeNs) =>
        longestLifetimeNs is not { } lifetime || gap.EndsAtNs > long.MaxValue - lifetime ? long.MaxValue : gap.EndsAtNs + lifetime;
}

/// <summary>Follows the events read and the records judged to find the gaps and how long a mapping lives. Memory: one
/// entry per CPU and per mapping alive.</summary>
internal sealed class LossTracker
{
    /// <summary>Mappings remembered while alive; past this many (unmaps lost) all are forgotten and tracking starts again.</summary>
    private const int MaxAliveTracked = 1 << 16;

    private readonly Dictionary<int, long> lostSeen = [];
    private readonly Dictionary<int, long> lastEventAt = [];
    private readonly List<EventGap> gaps = [];
    private readonly Dictionary<int, long> mappedAt = [];
    private long? longestLifetime;

    /// <summary>Called for every event read: a rise in the reader's lost count for the event's CPU ended a gap here.</summary>
    public void Read(TraceEvent traceEvent, ReadStatistics statistics)
    {
        int cpu = traceEvent.Header.Cpu;
        long lost = statistics.LostEventsByCpu.GetValueOrDefault(cpu);
        long seen = lostSeen.GetValueOrDefault(cpu);
        if (lost > seen)
        {
            gaps.Add(new EventGap(cpu, lost - seen, lastEventAt.TryGetValue(cpu, out long after) ? after : null, traceEvent.Header.TimestampNs));
            lostSeen[cpu] = lost;
        }
        lastEventAt[cpu] = traceEvent.Header.TimestampNs;
    }

    /// <summary>Called for every record's verdict: a map's time and its unmap's give a lifetime.</summary>
    public void Judged(in RecordOutcome outcome)
    {
        if (outcome.Record is MapRecord map && map.Observed.Kind == ObservedKind.Mapped)
        {
            if (mappedAt.Count >= MaxAliveTracked)
                mappedAt.Clear();
            mappedAt[map.Sequence] = map.Window.Start;
        }
        else if (outcome.Record is UnmapRecord { MappingSequence: { } sequence } unmap && mappedAt.Remove(sequence, out long start))
        {
            longestLifetime = Math.Max(longestLifetime ?? 0, unmap.Window.Start - start);
        }
    }

    public CaptureLosses? Result(ValidationReport report) =>
        gaps.Count == 0 ? null : new CaptureLosses([.. gaps], longestLifetime,
            report.Divergences.Count(d => CaptureLosses.InShadow(gaps, longestLifetime, d.Record.Window.Start)));
}
