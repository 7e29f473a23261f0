using System.Collections.Concurrent;
using System.Runtime.ExceptionServices;

namespace Swiotlb.Trace.Capture;

/// <summary>
/// Runs a stream of items on a thread of its own, a few batches ahead of its consumer, so that decoding and the work done
/// with what is decoded share the machine's cores. What the stream does on the way (a warning, a count) it hands over
/// through <see cref="Defer"/>: it takes effect on the consumer's thread in its place among the items, as if the stream
/// were read there; an exception the stream throws is thrown to the consumer after the items before it. Memory is the
/// batches in flight, not the stream. A consumer that stops early stops the producer before its enumerator is disposed.
/// </summary>
public sealed class ReadAhead<T>
    where T : class
{
    private const int BatchSize = 1024;
    private const int BatchesAhead = 4;

    private readonly BlockingCollection<Batch> _ready = new(BatchesAhead);
    private readonly CancellationTokenSource _stopped = new();
    private Batch _filling = new();
    private bool _inline;

    private ReadAhead()
    {
    }

    /// <summary>One item or one deferred effect, in stream order.</summary>
    private readonly record struct Entry(T? Item, Action? Effect);

    private sealed class Batch
    {
        public readonly List<Entry> Entries = new(BatchSize);
        public ExceptionDispatchInfo? Failure;
    }

    /// <summary>The items of the stream <paramref name="start"/> makes, read ahead on another thread where the machine
    /// has more than one processor (else read here, effects at once).</summary>
    /// <param name="start">Makes the stream, given the read-ahead its effects are deferred through.</param>
    public static IEnumerable<T> Of(Func<ReadAhead<T>, IEnumerable<T>> start)
    {
        var ahead = new ReadAhead<T>();
        return Environment.ProcessorCount > 1 ? ahead.Consume(start(ahead)) : ahead.Inline(start(ahead));
    }

    /// <summary>Called by the stream (on its own thread): <paramref name="effect"/> runs on the consumer's thread after
    /// the items already produced and before the next.</summary>
    public void Defer(Action effect)
    {
        if (_inline)
            effect();
        else
            _filling.Entries.Add(new Entry(null, effect));
    }

    private IEnumerable<T> Inline(IEnumerable<T> stream)
    {
        _inline = true;
        return stream;
    }

    private IEnumerable<T> Consume(IEnumerable<T> stream)
    {
        var producer = new Thread(() => Produce(stream)) { IsBackground = true, Name = "swiotrace read-ahead" };
        producer.Start();
        try
        {
            foreach (var batch in _ready.GetConsumingEnumerable())
            {
                foreach (var entry in batch.Entries)
                {
                    if (entry.Effect is { } effect)
                        effect();
                    else
                        yield return entry.Item!;
                }
                batch.Failure?.Throw();
            }
        }
        finally
        {
            _stopped.Cancel();
            producer.Join();
            _stopped.Dispose();
            _ready.Dispose();
        }
    }

    private void Produce(IEnumerable<T> stream)
    {
        try
        {
            foreach (var item in stream)
            {
                _filling.Entries.Add(new Entry(item, null));
                if (_filling.Entries.Count >= BatchSize)
                    Hand(new Batch());
            }
        }
        catch (OperationCanceledException) when (_stopped.IsCancellationRequested)
        {
            return;
        }
        catch (Exception failure)
        {
            _filling.Failure = ExceptionDispatchInfo.Capture(failure);
        }

        try
        {
            Hand(null);
        }
        catch (OperationCanceledException)
        {
        }
        finally
        {
            _ready.CompleteAdding();
        }
    }

    /// <summary>Passes the batch being filled to the consumer (waiting while it is <see cref="BatchesAhead"/> behind) and
    /// starts <paramref name="next"/>.</summary>
    /// <exception cref="OperationCanceledException">The consumer stopped.</exception>
    private void Hand(Batch? next)
    {
        _ready.Add(_filling, _stopped.Token);
        _filling = next ?? _filling;
    }
}
