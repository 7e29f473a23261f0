namespace Swiotlb.Trace.Replay.Allocator;

/// <summary>The swiotlb slot arithmetic every kernel generation shares.</summary>
public static class Slots
{
    /// <summary><c>IO_TLB_SHIFT</c>: a slot is 2 KiB.</summary>
    public const int Shift = 11;

    /// <summary><c>IO_TLB_SIZE</c>.</summary>
    public const int Size = 1 << Shift;

    /// <summary><c>IO_TLB_SIZE - 1</c>: the offset bits inside one slot.</summary>
    public const ulong OffsetMask = Size - 1;

    /// <summary><c>IO_TLB_SEGSIZE</c>: no allocation crosses a run of 128 slots.</summary>
    public const int SegmentSlots = 128;

    /// <summary><c>nr_slots</c>: slots needed to hold <paramref name="bytes"/>.</summary>
    /// <remarks>Saturates at <see cref="int.MaxValue"/> slots (no pool has that many, so such a request simply cannot be placed).</remarks>
    public static int For(ulong bytes) => bytes > (ulong)int.MaxValue << Shift ? int.MaxValue : (int)((bytes + OffsetMask) >> Shift);

    /// <summary>Rounds <paramref name="value"/> up to a multiple of the power of two <paramref name="alignment"/> (<c>ALIGN</c>).</summary>
    public static int AlignUp(int value, int alignment) => (value + alignment - 1) & -alignment;

    /// <summary>Rounds <paramref name="value"/> up to <c>mask + 1</c> (<c>ALIGN(value, mask + 1)</c>).</summary>
    public static ulong AlignUp(ulong value, ulong mask) => (value + mask) & ~mask;
}
