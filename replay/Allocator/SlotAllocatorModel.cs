namespace Swiotlb.Trace.Replay.Allocator;

/// <summary>The state every generation shares (slots, per-area cursor and used count) driven by one
/// <see cref="KernelGeneration"/>'s placement and search.</summary>
public sealed class SlotAllocatorModel : IAllocatorModel
{
    private readonly SlotTable slots;
    private readonly int[] cursors;
    private readonly int[] usedSlots;
    private readonly KnownWalks knownWalks;
    private readonly UndoLog<SavedArea> undo = new();

    public SlotAllocatorModel(KernelGeneration generation, PoolGeometry geometry)
    {
        Generation = generation;
        Geometry = generation.HasAreas ? geometry : geometry.AsSingleArea();
        slots = new SlotTable(Geometry.SlotCount);
        cursors = new int[Geometry.AreaCount];
        usedSlots = new int[Geometry.AreaCount];
        knownWalks = new KnownWalks();
    }

    private SlotAllocatorModel(SlotAllocatorModel other)
    {
        Generation = other.Generation;
        Geometry = other.Geometry;
        slots = other.slots.Clone();
        cursors = (int[])other.cursors.Clone();
        usedSlots = (int[])other.usedSlots.Clone();
        knownWalks = other.knownWalks;
    }

    public KernelGeneration Generation { get; }

    public PoolGeometry Geometry { get; }

    public ReadOnlySpan<int> FreeCounts => slots.FreeCounts;

    public int UsedSlots => usedSlots.Sum();

    public int AreaCursor(int area) => cursors[area];

    public int AreaUsedSlots(int area) => usedSlots[area];

    public MapResult Predict(in MapRequest request) =>
        Search(request, Generation.Place(request));

    public MapResult Map(in MapRequest request)
    {
        Placement placement = Generation.Place(request);
        MapResult result = Search(request, placement);
        if (result.IsMapped)
            Commit(result.Allocation, placement);
        return result;
    }

    public bool TryLocate(in MapRequest request, ulong bounceAddress, out Allocation allocation)
    {
        Placement placement = Generation.Place(request);
        allocation = default;
        ulong bufferStart = bounceAddress - placement.OffsetInSlot;
        if (!Geometry.Contains(bounceAddress) || bufferStart < Geometry.StartAddress || (bufferStart & Slots.OffsetMask) != 0)
            return false;
        int start = (int)((bufferStart - Geometry.StartAddress) >> Slots.Shift) - placement.PadSlots;
        if (start < 0 || start + placement.SlotCount > Geometry.SlotCount)
            return false;
        allocation = new Allocation(bounceAddress, start, placement.SlotCount, start / Geometry.AreaSlotCount, placement.PadSlots);
        return true;
    }

    public bool IsFree(in Allocation allocation) =>
        (allocation.StartSlot % Slots.SegmentSlots) + allocation.SlotCount <= Slots.SegmentSlots
        && slots.Fits(allocation.StartSlot, allocation.SlotCount);

    public void Apply(in MapRequest request, in Allocation allocation)
    {
        if (!IsFree(allocation))
            throw new InvalidOperationException($"slots {allocation.StartSlot}..{allocation.EndSlot - 1} are not all free");
        Commit(allocation, Generation.Place(request));
    }

    public void Release(in Allocation allocation)
    {
        slots.Release(allocation.StartSlot, allocation.SlotCount);
        Save(allocation.Area);
        usedSlots[allocation.Area] -= allocation.SlotCount;
    }

    public Allocation Unmap(in UnmapRequest request)
    {
        if (!Geometry.Contains(request.BounceAddress))
            throw new ArgumentException($"bounce address 0x{request.BounceAddress:x} is outside the pool", nameof(request));
        ulong offset = Generation.OffsetKeptIn(request.BounceAddress, request.Device);
        int bufferSlot = (int)((request.BounceAddress - offset - Geometry.StartAddress) >> Slots.Shift);
        int pad = slots.PadSlotsBefore(bufferSlot);
        int start = bufferSlot - pad;
        int count = Math.Min(Generation.SlotsToRelease(slots, start, request, offset), MaxReleasable(start));
        int area = start / Geometry.AreaSlotCount;
        slots.Release(start, count);
        Save(area);
        usedSlots[area] -= count;
        return new Allocation(request.BounceAddress, start, count, area, pad);
    }

    /// <summary>No allocation crosses a segment, so no release goes past the segment of its first slot (a size read from a
    /// damaged capture can claim more).</summary>
    private int MaxReleasable(int start) => Slots.SegmentSlots - start % Slots.SegmentSlots;

    public EndlessSearchEvidence? EndlessSearchHazard(in MapRequest request)
    {
        Placement placement = Generation.Place(request);
        return Generation.Hazard(knownWalks, BoundaryFor(request), View(FirstArea(request)), request, placement, Geometry.PageSize);
    }

    public IAllocatorModel Clone() => new SlotAllocatorModel(this);

    public void Checkpoint()
    {
        slots.Checkpoint();
        undo.Start();
    }

    public void RollBack()
    {
        slots.RollBack();
        while (undo.TryTakeNewest(out SavedArea area))
            (cursors[area.Index], usedSlots[area.Index]) = (area.Cursor, area.UsedSlots);
    }

    public void ForgetCheckpoint()
    {
        slots.ForgetCheckpoint();
        undo.Stop();
    }

    private MapResult Search(in MapRequest request, in Placement placement)
    {
        SegmentBoundary boundary = BoundaryFor(request);
        int first = FirstArea(request);
        bool anyAreaHadRoom = false;
        for (int tried = 0; tried < Geometry.AreaCount; tried++)
        {
            AreaView area = View((first + tried) & (Geometry.AreaCount - 1));
            AreaSearch found = Generation.Search(slots, boundary, area, request, placement, Geometry.PageSize);
            switch (found.Outcome)
            {
                case MapOutcome.Mapped:
                    return MapResult.Mapped(AllocationAt(area, found.Index, placement));
                case MapOutcome.EndlessSearch:
                    return MapResult.EndlessSearchAt(found.Endless);
                case MapOutcome.NoFit:
                    anyAreaHadRoom = true;
                    break;
            }
        }
        return MapResult.Failed(anyAreaHadRoom ? MapOutcome.NoFit : MapOutcome.PoolFull);
    }

    private Allocation AllocationAt(in AreaView area, int index, in Placement placement)
    {
        int start = area.FirstSlot + index;
        ulong bounce = Geometry.SlotAddress(start + placement.PadSlots) + placement.OffsetInSlot;
        return new Allocation(bounce, start, placement.SlotCount, area.Index, placement.PadSlots);
    }

    private void Commit(in Allocation allocation, in Placement placement)
    {
        slots.Allocate(allocation.StartSlot, allocation.SlotCount, placement.RecordedSize, allocation.PadSlots);
        int area = allocation.Area;
        Save(area);
        int next = allocation.EndSlot - area * Geometry.AreaSlotCount;
        cursors[area] = next < Geometry.AreaSlotCount ? next : 0;
        usedSlots[area] += allocation.SlotCount;
    }

    private void Save(int area) => undo.Save(new SavedArea(area, cursors[area], usedSlots[area]));

    private int FirstArea(in MapRequest request) => request.Cpu & (Geometry.AreaCount - 1);

    private AreaView View(int area) =>
        new(area, area * Geometry.AreaSlotCount, Geometry.AreaSlotCount, cursors[area], usedSlots[area]);

    private SegmentBoundary BoundaryFor(in MapRequest request) =>
        new(Geometry.StartAddress, request.Device.SegmentBoundaryMask);

    private readonly record struct SavedArea(int Index, int Cursor, int UsedSlots);
}
