using Swiotlb.Trace.Replay.Allocator;
using Swiotlb.Trace.Replay.Records;

namespace Swiotlb.Trace.Tests.Validation;

/// <summary>Plays the kernel: a model whose answers are written down as capture records, one event every 10 ns.</summary>
internal sealed class KernelRun(IAllocatorModel kernel)
{
    private long clock = 100;
    private int sequence;

    public IAllocatorModel Kernel => kernel;

    public List<ReplayRecord> Records { get; } = [];

    public static MapRequest Nvme(ulong orig, ulong size, int cpu = 0) => MapRequest.Streaming(orig, size, DeviceDmaParameters.Nvme, cpu);

    public Allocation Map(in MapRequest request) => Record(request, kernel.Map(request));

    /// <summary>The kernel chose <paramref name="slot"/> where the model would not have.</summary>
    public Allocation MapElsewhere(in MapRequest request, int slot)
    {
        Assert.True(kernel.TryLocate(request, kernel.Geometry.SlotAddress(slot) + (request.OriginalAddress & request.Device.MinAlignMask & 0x7FF), out Allocation allocation));
        kernel.Apply(request, allocation);
        return Record(request, MapResult.Mapped(allocation));
    }

    public void MapWithoutReturn(in MapRequest request) =>
        Records.Add(new MapRecord(sequence++, new TimeWindow(Tick(), long.MaxValue), "nvme", request, ObservedMap.NoReturn));

    /// <param name="lost">The unmap happens in the kernel but the capture lost its event.</param>
    public void Unmap(in MapRequest request, in Allocation allocation, bool lost = false)
    {
        var unmap = new UnmapRequest(allocation.BounceAddress, request.MappingSize, request.AllocSize, request.Device);
        kernel.Unmap(unmap);
        long at = Tick();
        if (!lost)
            Records.Add(new UnmapRecord(sequence++, TimeWindow.At(at), "nvme", unmap, UnmapEvidence.Probe));
    }

    /// <summary>Something the kernel did before the capture started.</summary>
    public Allocation MapBeforeCapture(in MapRequest request) => kernel.Map(request).Allocation;

    private Allocation Record(in MapRequest request, in MapResult result)
    {
        long start = Tick();
        ObservedMap observed = result.IsMapped ? ObservedMap.At(result.Allocation.BounceAddress) : ObservedMap.Failure;
        Records.Add(new MapRecord(sequence++, new TimeWindow(start, start + 5), "nvme", request, observed));
        return result.Allocation;
    }

    private long Tick() => clock += 10;
}
