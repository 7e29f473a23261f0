namespace Swiotlb.Trace.Replay.Allocator;

/// <summary>Where the bounce pool lies and how it is cut into areas.</summary>
/// <param name="StartAddress">Physical address of slot 0 (<c>io_tlb_start</c> / <c>mem-&gt;start</c>); slot aligned.</param>
/// <param name="SlotCount"><c>nslabs</c>: a multiple of 128 and of <paramref name="AreaCount"/>.</param>
/// <param name="AreaCount"><c>nareas</c>, a power of two (kernels before 6.0 have one lock and behave as one area).</param>
/// <param name="PageSize">The CPU page size (4096 on x86-64).</param>
public sealed record PoolGeometry(ulong StartAddress, int SlotCount, int AreaCount = 1, int PageSize = 4096)
{
    /// <summary>The pool every capture in samples/ uses: 64 MiB, 32768 slots.</summary>
    public const int DefaultSlotCount = 32768;

    public ulong StartAddress { get; } = (StartAddress & Slots.OffsetMask) == 0
        ? StartAddress
        : throw new ArgumentException($"pool start 0x{StartAddress:x} is not 2 KiB aligned", nameof(StartAddress));

    public int SlotCount { get; } = SlotCount > 0 && SlotCount % Slots.SegmentSlots == 0
        ? SlotCount
        : throw new ArgumentException($"nslabs {SlotCount} is not a positive multiple of {Slots.SegmentSlots}", nameof(SlotCount));

    public int AreaCount { get; } = AreaCount > 0 && int.IsPow2(AreaCount) && SlotCount % AreaCount == 0
        ? AreaCount
        : throw new ArgumentException($"nareas {AreaCount} is not a power of two dividing nslabs {SlotCount}", nameof(AreaCount));

    public int PageSize { get; } = PageSize >= Slots.Size && int.IsPow2(PageSize)
        ? PageSize
        : throw new ArgumentException($"page size {PageSize} is not a power of two of at least one slot", nameof(PageSize));

    /// <summary><c>area_nslabs</c>.</summary>
    public int AreaSlotCount => SlotCount / AreaCount;

    public ulong EndAddress => StartAddress + ((ulong)SlotCount << Slots.Shift);

    public ulong SlotAddress(int slot) => StartAddress + ((ulong)slot << Slots.Shift);

    public bool Contains(ulong address) => address >= StartAddress && address < EndAddress;

    /// <summary>The same pool seen as one area: how kernels before 6.0 use it.</summary>
    public PoolGeometry AsSingleArea() => AreaCount == 1 ? this : new(StartAddress, SlotCount, 1, PageSize);
}
