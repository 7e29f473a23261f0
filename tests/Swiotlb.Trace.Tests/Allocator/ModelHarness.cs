using Swiotlb.Trace.Replay.Allocator;

namespace Swiotlb.Trace.Tests.Allocator;

/// <summary>Helpers shared by the allocator tests: request builders and the free-count invariant.</summary>
internal static class ModelHarness
{
    public const ulong PoolStart = 0x3b90_0000;

    public static IAllocatorModel Create(string model, int slots = 1024, int areas = 2) =>
        ModelRegistry.Create(model, new PoolGeometry(PoolStart, slots, areas));

    public static UnmapRequest UnmapOf(in MapRequest request, in Allocation allocation) =>
        new(allocation.BounceAddress, request.MappingSize, request.AllocSize, request.Device, request.Direction);

    /// <summary>The free counts the kernel's invariant demands for a set of used slots: the length of the free run
    /// from each slot to the next used slot or the segment end, 0 on used slots.</summary>
    public static int[] ExpectedFreeCounts(int slotCount, IEnumerable<Allocation> live)
    {
        var used = new bool[slotCount];
        foreach (Allocation allocation in live)
            for (int slot = allocation.StartSlot; slot < allocation.EndSlot; slot++)
                used[slot] = true;
        var expected = new int[slotCount];
        for (int slot = slotCount - 1; slot >= 0; slot--)
        {
            bool segmentEnd = slot % Slots.SegmentSlots == Slots.SegmentSlots - 1;
            expected[slot] = used[slot] ? 0 : 1 + (segmentEnd ? 0 : expected[slot + 1]);
        }
        return expected;
    }
}
