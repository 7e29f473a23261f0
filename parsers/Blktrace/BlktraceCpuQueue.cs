namespace Swiotlb.Trace.Blktrace;

/// <summary>One CPU file's records read ahead of the merge, in blkparse's batches, so notes are read when blkparse reads them.</summary>
internal sealed class BlktraceCpuQueue(BlktraceCpuFileReader reader)
{
    /// <summary>blkparse's <c>rb_batch</c>: records it reads from a CPU file each time that file's queue runs dry.</summary>
    public const int BatchSize = 512;

    private readonly Queue<BlktraceRecord> _records = new(BatchSize);

    public bool IsEmpty => _records.Count == 0;

    public BlktraceRecord Head => _records.Peek();

    public void Fill()
    {
        while (_records.Count < BatchSize && reader.ReadNext() is { } record)
            _records.Enqueue(record);
    }

    /// <summary>Drops the head, reading the next batch when it was the last one queued.</summary>
    public void Advance()
    {
        _records.Dequeue();
        if (IsEmpty)
            Fill();
    }
}
