using Swiotlb.Trace.Replay.Allocator;
using Swiotlb.Trace.Replay.Pool;
using Swiotlb.Trace.Replay.Records;

namespace Swiotlb.Trace.Replay.Validation;

/// <summary>A model plus what the synchroniser knows about it: live mappings and which areas are synchronised.</summary>
internal sealed class ReplayState
{
    private readonly Dictionary<ulong, LiveMapping> byBounceAddress;
    private readonly Dictionary<int, LiveMapping> byStartSlot;
    private readonly bool[] synchronisedAreas;
    private readonly UndoLog<SavedLive> liveUndo = new();
    private readonly UndoLog<int> synchronisedUndo = new();
    private readonly List<PoolChange> changes = [];
    private int changesAtCheckpoint = -1;

    public ReplayState(IAllocatorModel model)
    {
        Model = model;
        byBounceAddress = [];
        byStartSlot = [];
        synchronisedAreas = new bool[model.Geometry.AreaCount];
    }

    public IAllocatorModel Model { get; }

    /// <summary>Saves what every change from here overwrites, model included, for <see cref="RollBack"/>.</summary>
    public void Checkpoint()
    {
        Model.Checkpoint();
        liveUndo.Start();
        synchronisedUndo.Start();
        changesAtCheckpoint = changes.Count;
    }

    /// <summary>Returns to the state at the last <see cref="Checkpoint"/>, which stays set.</summary>
    public void RollBack()
    {
        Model.RollBack();
        while (liveUndo.TryTakeNewest(out SavedLive saved))
        {
            Restore(byBounceAddress, saved.BounceAddress, saved.ByBounceAddress);
            Restore(byStartSlot, saved.StartSlot, saved.ByStartSlot);
        }
        while (synchronisedUndo.TryTakeNewest(out int area))
            synchronisedAreas[area] = false;
        changes.RemoveRange(changesAtCheckpoint, changes.Count - changesAtCheckpoint);
    }

    /// <summary>Keeps the changes made since the checkpoint and saves no more.</summary>
    public void ForgetCheckpoint()
    {
        Model.ForgetCheckpoint();
        liveUndo.Stop();
        synchronisedUndo.Stop();
        changesAtCheckpoint = -1;
    }

    /// <summary>Takes the kernel's slots of <paramref name="allocation"/> for <paramref name="record"/>, unless any is in use.</summary>
    public void Hold(MapRecord record, in Allocation allocation, bool foreign)
    {
        if (!Model.IsFree(allocation))
            return;
        Model.Apply(record.Request, allocation);
        AddLive(new LiveMapping(record, allocation, foreign));
        changes.Add(new PoolChange(PoolChangeKind.Mapped, record.Window.Start, record, allocation));
    }

    /// <summary>Frees a live mapping as the kernel would for <paramref name="request"/>, at <paramref name="timeNs"/>.</summary>
    public void Free(in LiveMapping live, in UnmapRequest request, long timeNs)
    {
        RemoveLive(live);
        Allocation freed = live.Allocation;
        if (live.ForeignPlacement)
            Model.Release(freed);
        else
            freed = Model.Unmap(request);
        changes.Add(new PoolChange(PoolChangeKind.Released, timeNs, live.Record, freed));
    }

    /// <summary>The kernel gave <paramref name="record"/> no slots (a failure, or a search that never returned).</summary>
    public void NoteUnanswered(MapRecord record) =>
        changes.Add(new PoolChange(PoolChangeKind.Unanswered, record.Window.Start, record, default));

    /// <summary>Hands the changes made since the last call to <paramref name="sink"/>, once no trial can undo them.</summary>
    public void FlushChanges(IPoolChangeSink? sink)
    {
        if (changesAtCheckpoint >= 0)
            throw new InvalidOperationException("changes are flushed only outside a trial");
        if (sink is not null)
            foreach (PoolChange change in changes)
                sink.Changed(change);
        changes.Clear();
    }

    public bool IsSynchronised(int area) => synchronisedAreas[area];

    public void MarkSynchronised(int area)
    {
        if (synchronisedAreas[area])
            return;
        synchronisedUndo.Save(area);
        synchronisedAreas[area] = true;
    }

    public bool TryGetLive(ulong bounceAddress, out LiveMapping mapping) => byBounceAddress.TryGetValue(bounceAddress, out mapping);

    private void AddLive(in LiveMapping mapping)
    {
        Save(mapping);
        byBounceAddress[mapping.Allocation.BounceAddress] = mapping;
        byStartSlot[mapping.Allocation.StartSlot] = mapping;
    }

    private void RemoveLive(in LiveMapping mapping)
    {
        Save(mapping);
        byBounceAddress.Remove(mapping.Allocation.BounceAddress);
        byStartSlot.Remove(mapping.Allocation.StartSlot);
    }

    /// <summary>Live mappings holding any slot of <paramref name="allocation"/> (none is longer than a segment).</summary>
    public List<LiveMapping> LiveOverlapping(in Allocation allocation)
    {
        var overlapping = new List<LiveMapping>();
        for (int start = Math.Max(0, allocation.StartSlot - Slots.SegmentSlots + 1); start < allocation.EndSlot; start++)
        {
            if (byStartSlot.TryGetValue(start, out LiveMapping live) && live.Allocation.Overlaps(allocation))
                overlapping.Add(live);
        }
        return overlapping;
    }

    /// <summary>Saves the entries a change to <paramref name="mapping"/>'s keys overwrites.</summary>
    private void Save(in LiveMapping mapping)
    {
        ulong bounceAddress = mapping.Allocation.BounceAddress;
        int startSlot = mapping.Allocation.StartSlot;
        liveUndo.Save(new SavedLive(bounceAddress, Entry(byBounceAddress, bounceAddress), startSlot, Entry(byStartSlot, startSlot)));
    }

    private static LiveMapping? Entry<TKey>(Dictionary<TKey, LiveMapping> live, TKey key) where TKey : notnull =>
        live.TryGetValue(key, out LiveMapping mapping) ? mapping : null;

    private static void Restore<TKey>(Dictionary<TKey, LiveMapping> live, TKey key, LiveMapping? saved) where TKey : notnull
    {
        if (saved is { } mapping)
            live[key] = mapping;
        else
            live.Remove(key);
    }

    /// <summary>The entries under a mapping's two keys before a change (null: none).</summary>
    private readonly record struct SavedLive(ulong BounceAddress, LiveMapping? ByBounceAddress, int StartSlot, LiveMapping? ByStartSlot);
}

/// <param name="ForeignPlacement">The model's own placement could not explain the kernel's address (another
/// generation's answer): released slot for slot rather than by the generation's unmap rule.</param>
internal readonly record struct LiveMapping(MapRecord Record, Allocation Allocation, bool ForeignPlacement);
