namespace Swiotlb.Trace.Blktrace;

/// <summary>
/// Merges the CPU queues in time order as blkparse's <c>ms_sort</c>/<c>ms_resort</c> do: the queue with the oldest head
/// gives its record; on equal times the queue in front keeps going. Memory is a batch per CPU, whatever the file sizes.
/// </summary>
internal sealed class BlktraceMerge
{
    private readonly List<BlktraceCpuQueue> _byHeadTime = [];
    private readonly BlktraceNotes _notes;

    public BlktraceMerge(IEnumerable<BlktraceCpuQueue> queues, BlktraceNotes notes)
    {
        _notes = notes;
        foreach (var queue in queues)
        {
            queue.Fill();
            if (!queue.IsEmpty)
                Insert(queue);
        }
    }

    public IEnumerable<BlktraceRecord> Records()
    {
        while (_byHeadTime.Count > 0)
        {
            var queue = _byHeadTime[0];
            var record = queue.Head with { ProcessName = _notes.ProcessName(queue.Head.Pid) };
            queue.Advance();
            _byHeadTime.RemoveAt(0);
            if (!queue.IsEmpty)
                Reinsert(queue);
            yield return record;
        }
    }

    private void Reinsert(BlktraceCpuQueue queue)
    {
        if (_byHeadTime.Count == 0 || queue.Head.TimeNs <= _byHeadTime[0].Head.TimeNs)
            _byHeadTime.Insert(0, queue);
        else
            Insert(queue);
    }

    private void Insert(BlktraceCpuQueue queue)
    {
        var time = queue.Head.TimeNs;
        if (_byHeadTime.Count == 0 || time < _byHeadTime[0].Head.TimeNs)
        {
            _byHeadTime.Insert(0, queue);
            return;
        }
        var index = 1;
        while (index < _byHeadTime.Count && _byHeadTime[index].Head.TimeNs < time)
            index++;
        _byHeadTime.Insert(index, queue);
    }
}
