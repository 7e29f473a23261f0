using Swiotlb.Trace.Events;

namespace Swiotlb.Trace.Tests.Perf;

/// <summary>
/// Pairs the events two tracers recorded at the same time. Each tracer keeps a CPU's events of one content in the order they
/// fired, so the k-th event with a given content on a CPU in one stream is paired with the k-th such event in the other —
/// whatever the clocks say and however events of different content interleave. What cannot be paired is returned per side.
/// </summary>
internal static class TracerAlignment
{
    public sealed record Result(
        IReadOnlyList<(TraceEvent Left, TraceEvent Right)> Pairs,
        IReadOnlyList<TraceEvent> OnlyLeft,
        IReadOnlyList<TraceEvent> OnlyRight);

    /// <param name="content">The event as both tracers must agree on it: without its header, and without what one side cannot show.</param>
    public static Result Align(IReadOnlyList<TraceEvent> left, IReadOnlyList<TraceEvent> right, Func<TraceEvent, TraceEvent> content)
    {
        var waiting = new Dictionary<(int Cpu, TraceEvent Content), Queue<TraceEvent>>();
        foreach (var traceEvent in right)
        {
            var key = (traceEvent.Header.Cpu, content(traceEvent));
            if (!waiting.TryGetValue(key, out var queue))
                waiting[key] = queue = new Queue<TraceEvent>();
            queue.Enqueue(traceEvent);
        }
        var pairs = new List<(TraceEvent, TraceEvent)>();
        var onlyLeft = new List<TraceEvent>();
        foreach (var traceEvent in left)
        {
            if (waiting.TryGetValue((traceEvent.Header.Cpu, content(traceEvent)), out var queue) && queue.TryDequeue(out var partner))
                pairs.Add((traceEvent, partner));
            else
                onlyLeft.Add(traceEvent);
        }
        var onlyRight = waiting.Values.SelectMany(queue => queue).OrderBy(e => e.Header.TimestampNs).ToList();
        return new Result(pairs, onlyLeft, onlyRight);
    }
}
