using Swiotlb.Trace.Replay.Allocator;

namespace Swiotlb.Trace.Replay.Pool;

/// <summary>
/// The kernel's own pool through a capture: a copy of the synchronised replay's model that takes the kernel's answers
/// in their final order, so that occupancy, the high-water mark and the state each failure met are the kernel's.
/// </summary>
public sealed class ObservedPoolFollower : IPoolChangeSink
{
    private readonly IAllocatorModel _pool;
    private bool _endlessSearchSeen;

    public ObservedPoolFollower(KernelGeneration generation, PoolGeometry geometry)
    {
        _pool = new SlotAllocatorModel(generation, geometry);
        Observer = new PoolObserver(_pool);
    }

    public PoolObserver Observer { get; }

    /// <summary>Mappings the kernel never returned from whose own search would have ended: they wait for the lock of an
    /// area where an endless search spins (the search takes each area's lock in turn).</summary>
    public int BlockedBehindEndlessSearch { get; private set; }

    public void Changed(in PoolChange change)
    {
        switch (change.Kind)
        {
            case PoolChangeKind.Mapped:
                _pool.Apply(change.Record.Request, change.Slots);
                Observer.Mapped(change.TimeNs, change.Record.DeviceName, change.Record.Request, change.Slots);
                break;
            case PoolChangeKind.Released:
                _pool.Release(change.Slots);
                Observer.Released(change.TimeNs, change.Slots);
                break;
            case PoolChangeKind.Unanswered:
                Unanswered(change);
                break;
        }
    }

    private void Unanswered(in PoolChange change)
    {
        MapResult answer = _pool.Predict(change.Record.Request);
        bool unreturned = change.Record.Observed.Kind == Validation.ObservedKind.NeverReturned;
        if (unreturned && answer.Outcome != MapOutcome.EndlessSearch)
        {
            if (_endlessSearchSeen)
                BlockedBehindEndlessSearch++;
            return;
        }
        _endlessSearchSeen |= answer.Outcome == MapOutcome.EndlessSearch;
        Observer.Failed(change.TimeNs, change.Record.DeviceName, change.Record.Request, answer);
    }
}
