using Swiotlb.Trace.Replay.Allocator;
using Swiotlb.Trace.Replay.Records;

namespace Swiotlb.Trace.Replay.Pool;

/// <summary>
/// The kernel's own pool through a capture: a copy of the synchronised replay's model that takes the kernel's answers
/// in their final order, so that occupancy, the high-water mark and the state each failure met are the kernel's.
/// A failure the state does not explain is watched a little longer: if mappings another CPU stamped at most
/// <see cref="ClockSkewBoundNs"/> later would have filled the room, its cause is <see cref="FailureCause.ClockSkew"/>.
/// </summary>
public sealed class ObservedPoolFollower : IPoolChangeSink
{
    /// <summary>How much later than a failure another CPU's mapping may be stamped and still be taken to have run
    /// before it. A bound, not a measurement: the skews it explains on the lab's 4-area capture are 1.0 ms; a wider one
    /// would credit mappings that truly came after.</summary>
    public const long ClockSkewBoundNs = 2_000_000;

    /// <summary>Unexplained failures watched at once (each holds a copy of the pool): they are rare.</summary>
    private const int WatchedAtMost = 16;

    private readonly IAllocatorModel _pool;
    private readonly List<WatchedFailure> _watched = [];
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
                Watch(change);
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
        bool unreturned = change.Record.Observed.Kind == ObservedKind.NeverReturned;
        if (unreturned && answer.Outcome != MapOutcome.EndlessSearch)
        {
            if (_endlessSearchSeen)
                BlockedBehindEndlessSearch++;
            return;
        }
        _endlessSearchSeen |= answer.Outcome == MapOutcome.EndlessSearch;
        var explanation = Observer.Failed(change.TimeNs, change.Record.DeviceName, change.Record.Request, answer);
        if (explanation.Cause == FailureCause.Unexplained && _watched.Count < WatchedAtMost)
            _watched.Add(new WatchedFailure(explanation, change.Record.Request, _pool.Clone()));
    }

    /// <summary>Gives a later mapping of another CPU to each watched failure's copy of the pool; a failure whose request
    /// no longer fits there is explained by clock skew, one past the bound stays unexplained.</summary>
    private void Watch(in PoolChange change)
    {
        for (int i = _watched.Count - 1; i >= 0; i--)
        {
            var watched = _watched[i];
            long later = change.TimeNs - watched.Failure.TimeNs;
            if (later > ClockSkewBoundNs)
            {
                _watched.RemoveAt(i);
                continue;
            }
            int cpu = change.Record.Request.Cpu;
            if (cpu == watched.Failure.Cpu || !AllFree(watched.Pool, change.Slots))
                continue;
            watched.Pool.Apply(change.Record.Request, change.Slots);
            MapResult answer = watched.Pool.Predict(watched.Request);
            if (answer.Outcome == MapOutcome.Mapped)
                continue;
            var explained = FailureExplainer.Explain(watched.Pool, watched.Request, answer,
                watched.Failure.TimeNs, watched.Failure.DeviceName) with { Cause = FailureCause.ClockSkew, Skew = (cpu, later) };
            Observer.Reexplained(watched.Failure, explained);
            _watched.RemoveAt(i);
        }
    }

    private static bool AllFree(IAllocatorModel pool, in Allocation slots)
    {
        for (int slot = slots.StartSlot; slot < slots.EndSlot; slot++)
            if (pool.FreeCounts[slot] == 0)
                return false;
        return true;
    }

    private sealed record WatchedFailure(FailureExplanation Failure, MapRequest Request, IAllocatorModel Pool);
}
