namespace Swiotlb.Trace.Replay.Allocator;

/// <summary>The kernel's per-slot bookkeeping: free-run counts, the size recorded at an allocation's first slot
/// (5.15+) and the pad slots recorded at the buffer's first slot (6.9+).</summary>
/// <remarks><c>FreeCounts[i]</c> is the length of the free run starting at <c>i</c>, ending at the first used slot or at
/// the segment end; 0 means in use. Allocation and release renumber exactly as the kernel does.</remarks>
internal sealed class SlotTable
{
    private readonly int[] freeCounts;
    private readonly ulong[] recordedSizes;
    private readonly int[] padSlots;
    private readonly UndoLog<SavedSlot> undo = new();

    public SlotTable(int slotCount)
    {
        freeCounts = new int[slotCount];
        recordedSizes = new ulong[slotCount];
        padSlots = new int[slotCount];
        for (int i = 0; i < slotCount; i++)
            freeCounts[i] = Slots.SegmentSlots - (i % Slots.SegmentSlots);
    }

    private SlotTable(SlotTable other)
    {
        freeCounts = (int[])other.freeCounts.Clone();
        recordedSizes = (ulong[])other.recordedSizes.Clone();
        padSlots = (int[])other.padSlots.Clone();
    }

    public ReadOnlySpan<int> FreeCounts => freeCounts;

    public int Count => freeCounts.Length;

    public bool Fits(int slot, int count) => freeCounts[slot] >= count;

    public ulong RecordedSize(int slot) => recordedSizes[slot];

    public int PadSlotsBefore(int bufferSlot) => padSlots[bufferSlot];

    public SlotTable Clone() => new(this);

    /// <summary>Saves every slot changed from here, for <see cref="RollBack"/>.</summary>
    public void Checkpoint() => undo.Start();

    /// <summary>Returns every slot to its value at the checkpoint, which stays set.</summary>
    public void RollBack()
    {
        while (undo.TryTakeNewest(out SavedSlot slot))
            (freeCounts[slot.Index], recordedSizes[slot.Index], padSlots[slot.Index]) = (slot.FreeCount, slot.RecordedSize, slot.PadSlots);
    }

    /// <summary>Keeps the changes made since the checkpoint and saves no more.</summary>
    public void ForgetCheckpoint() => undo.Stop();

    /// <summary>Marks <c>[start, start + count)</c> used and renumbers the free run before it.</summary>
    public void Allocate(int start, int count, ulong recordedSize, int pad)
    {
        for (int i = start; i < start + count; i++)
            Save(i);
        Save(start + pad);
        Array.Clear(freeCounts, start, count);
        recordedSizes[start] = recordedSize;
        padSlots[start + pad] = pad;
        RenumberRunBefore(start, 0);
    }

    /// <summary>Returns <c>[start, start + count)</c> to the free list, merging with the runs after and before it.</summary>
    public void Release(int start, int count)
    {
        int end = start + count;
        int run = end % Slots.SegmentSlots != 0 && end < freeCounts.Length ? freeCounts[end] : 0;
        for (int i = end - 1; i >= start; i--)
        {
            Save(i);
            freeCounts[i] = ++run;
            recordedSizes[i] = 0;
            padSlots[i] = 0;
        }
        RenumberRunBefore(start, run);
    }

    private void RenumberRunBefore(int start, int run)
    {
        for (int i = start - 1; i >= 0 && i % Slots.SegmentSlots != Slots.SegmentSlots - 1 && freeCounts[i] != 0; i--)
        {
            Save(i);
            freeCounts[i] = ++run;
        }
    }

    private void Save(int slot) => undo.Save(new SavedSlot(slot, freeCounts[slot], recordedSizes[slot], padSlots[slot]));

    private readonly record struct SavedSlot(int Index, int FreeCount, ulong RecordedSize, int PadSlots);
}
