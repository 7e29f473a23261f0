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

    /// <summary>The largest pool: 4 GiB, all that the 32-bit DMA range can hold (the boot pool is allocated below
    /// 4 GiB, <c>memblock_alloc_low</c>, so that 32-bit devices reach it).</summary>
    public const int MaxSlotCount = 1 << 21;

    /// <summary>The most areas: one per CPU, at most <c>NR_CPUS</c> (8192).</summary>
    public const int MaxAreaCount = 8192;

    /// <summary>Why a slot count is no pool the kernel can have, or null.</summary>
    public static string? RefuseSlotCount(long slots) =>
        slots is > 0 and <= MaxSlotCount && slots % Slots.SegmentSlots == 0
            ? null
            : $"nslabs {slots}: expected a multiple of {Slots.SegmentSlots} from {Slots.SegmentSlots} to {MaxSlotCount} (a 4 GiB pool, all a 32-bit DMA range holds)";

    /// <summary>Why an area count is none the kernel can have, or null.</summary>
    public static string? RefuseAreaCount(long areas) =>
        areas is > 0 and <= MaxAreaCount && long.IsPow2(areas) ? null : $"nareas {areas}: expected a power of two from 1 to {MaxAreaCount}";

    /// <summary>The highest start that leaves room for the largest pool below 2^64.</summary>
    public const ulong HighestStart = ulong.MaxValue - ((ulong)MaxSlotCount << Slots.Shift);

    /// <summary>Why a start address is no pool's the kernel can have, or null.</summary>
    public static string? RefuseStart(ulong start) =>
        (start & Slots.OffsetMask) == 0 && start <= HighestStart ? null : $"pool start 0x{start:x} is not 2 KiB aligned, or leaves no room for a pool below 2^64";

    public ulong StartAddress { get; } = RefuseStart(StartAddress) is { } startProblem ? throw new ArgumentException(startProblem) : StartAddress;

    public int SlotCount { get; } = RefuseSlotCount(SlotCount) is { } slotProblem ? throw new ArgumentException(slotProblem) : SlotCount;

    public int AreaCount { get; } = RefuseAreaCount(AreaCount) is null && SlotCount % AreaCount == 0
        ? AreaCount
        : throw new ArgumentException($"nareas {AreaCount} is not a power of two up to {MaxAreaCount} dividing nslabs {SlotCount}");

    public int PageSize { get; } = PageSize >= Slots.Size && int.IsPow2(PageSize)
        ? PageSize
        : throw new ArgumentException($"page size {PageSize} is not a power of two of at least one slot");

    /// <summary><c>area_nslabs</c>.</summary>
    public int AreaSlotCount => SlotCount / AreaCount;

    public ulong EndAddress => StartAddress + ((ulong)SlotCount << Slots.Shift);

    public ulong SlotAddress(int slot) => StartAddress + ((ulong)slot << Slots.Shift);

    public bool Contains(ulong address) => address >= StartAddress && address < EndAddress;

    /// <summary>The same pool seen as one area: how kernels before 6.0 use it.</summary>
    public PoolGeometry AsSingleArea() => AreaCount == 1 ? this : new(StartAddress, SlotCount, 1, PageSize);
}
