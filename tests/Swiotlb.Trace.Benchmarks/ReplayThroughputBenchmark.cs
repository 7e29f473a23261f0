using BenchmarkDotNet.Attributes;
using Swiotlb.Trace.Replay.Allocator;

namespace Swiotlb.Trace.Benchmarks;

/// <summary>Replay throughput per model: a long fio-like stream of NVMe and AHCI mappings (512 B–128 KiB, buffers at
/// 512-byte offsets, up to 32 in flight, two CPUs) on the default 64 MiB pool with two areas. One operation = one
/// map plus, once the queue is full, one unmap; divide the operation count by the time for mappings per second.</summary>
[MemoryDiagnoser]
public class ReplayThroughputBenchmark
{
    public const int Mappings = 1_000_000;
    private const int InFlight = 32;

    private MapRequest[] requests = [];
    private IAllocatorModel model = null!;

    [Params("linux-5.10", "linux-5.12", "linux-6.1", "linux-6.3", "linux-6.9")]
    public string Model { get; set; } = "";

    [GlobalSetup]
    public void GenerateWorkload()
    {
        var random = new Random(20240810);
        requests = new MapRequest[Mappings];
        for (int i = 0; i < Mappings; i++)
        {
            ulong size = (ulong)random.Next(1, 257) * 512;
            ulong orig = 0x0900_0000UL + ((ulong)random.Next(0, 0x8000) << 12) + (ulong)random.Next(0, 8) * 512;
            DeviceDmaParameters device = random.Next(0, 4) == 0 ? DeviceDmaParameters.WithoutMinAlignMask : DeviceDmaParameters.Nvme;
            requests[i] = MapRequest.Streaming(orig, size, device, cpu: i & 1);
        }
    }

    [IterationSetup]
    public void FreshPool() => model = ModelRegistry.Create(Model, new PoolGeometry(0x37b0_0000, PoolGeometry.DefaultSlotCount, 2));

    [Benchmark(OperationsPerInvoke = Mappings)]
    public int ReplayMappings()
    {
        Span<ulong> inFlight = stackalloc ulong[InFlight];
        Span<int> inFlightIndex = stackalloc int[InFlight];
        int mapped = 0;
        for (int i = 0; i < requests.Length; i++)
        {
            int lane = i % InFlight;
            if (inFlight[lane] != 0)
            {
                ref readonly MapRequest previous = ref requests[inFlightIndex[lane]];
                model.Unmap(new UnmapRequest(inFlight[lane], previous.MappingSize, previous.AllocSize, previous.Device));
                inFlight[lane] = 0;
            }
            MapResult result = model.Map(requests[i]);
            if (result.IsMapped)
            {
                inFlight[lane] = result.Allocation.BounceAddress;
                inFlightIndex[lane] = i;
                mapped++;
            }
        }
        return mapped;
    }
}
