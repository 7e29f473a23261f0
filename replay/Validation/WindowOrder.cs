using Swiotlb.Trace.Replay.Records;
namespace Swiotlb.Trace.Replay.Validation;

/// <summary>Puts a stream of records into replay order (window start, then sequence) while holding at most
/// <c>window</c> of them: a record that arrives later than <c>window</c> records after one it should precede is
/// replayed where it arrived.</summary>
internal sealed class WindowOrder(IEnumerable<ReplayRecord> records, int window)
{
    private readonly IEnumerator<ReplayRecord> source = records.GetEnumerator();
    private readonly PriorityQueue<ReplayRecord, (long Start, int Sequence)> pending = new();

    /// <summary>The first window's records in replay order; fills the buffer. Call before <see cref="Records"/>.</summary>
    public List<ReplayRecord> FirstWindow()
    {
        while (pending.Count < window && source.MoveNext())
            Add(source.Current);
        return [.. pending.UnorderedItems.OrderBy(item => item.Priority).Select(item => item.Element)];
    }

    /// <summary>Every record, in replay order as far as the window allows.</summary>
    public IEnumerable<ReplayRecord> Records()
    {
        using (source)
        {
            while (source.MoveNext())
            {
                Add(source.Current);
                if (pending.Count > window)
                    yield return pending.Dequeue();
            }
            while (pending.TryDequeue(out ReplayRecord? record, out _))
                yield return record;
        }
    }

    private void Add(ReplayRecord record) => pending.Enqueue(record, (record.Window.Start, record.Sequence));
}
