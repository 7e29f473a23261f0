namespace Swiotlb.Trace.Replay.Allocator;

/// <summary>One kernel generation's slot allocator as a pure state machine: no parsing, printing or clock.</summary>
public interface IAllocatorModel : IPoolState
{
    KernelGeneration Generation { get; }

    /// <summary>What the kernel would answer, without changing the state.</summary>
    MapResult Predict(in MapRequest request);

    /// <summary>Maps: the prediction, applied to the state when it is an allocation.</summary>
    MapResult Map(in MapRequest request);

    /// <summary>Where a bounce address the kernel returned for <paramref name="request"/> lies, or false when it
    /// cannot be one of this pool's answers (outside the pool, run past the end).</summary>
    bool TryLocate(in MapRequest request, ulong bounceAddress, out Allocation allocation);

    /// <summary>True when every slot of <paramref name="allocation"/> is free in the model.</summary>
    bool IsFree(in Allocation allocation);

    /// <summary>Records an allocation the kernel made, as if this model's search had chosen it (cursor moves past it).
    /// The slots must be free.</summary>
    void Apply(in MapRequest request, in Allocation allocation);

    /// <summary>Frees exactly <paramref name="allocation"/>'s slots: for allocations this generation could not have made
    /// itself (a capture replayed through another kernel's model), whose unmap rule would free something else.</summary>
    void Release(in Allocation allocation);

    /// <summary>Frees what the kernel would free for this unmap, and says which slots those were.</summary>
    Allocation Unmap(in UnmapRequest request);

    /// <summary>For generations whose search can spin: evidence when the search for this request, from the first area
    /// it tries, could not return to its start if nothing fitted (the hazard; the hang needs nothing to fit too).</summary>
    EndlessSearchEvidence? EndlessSearchHazard(in MapRequest request);

    /// <summary>An independent copy of the model and its state.</summary>
    IAllocatorModel Clone();

    /// <summary>Saves what every change from here overwrites (the slots, cursors and used counts it touches), so that
    /// <see cref="RollBack"/> can return to this state: far cheaper than a <see cref="Clone"/> for a few changes.</summary>
    void Checkpoint();

    /// <summary>Returns to the state at the last <see cref="Checkpoint"/>, which stays set.</summary>
    void RollBack();

    /// <summary>Keeps the changes made since the checkpoint and saves no more.</summary>
    void ForgetCheckpoint();
}
