using Swiotlb.Trace.Diff.Replaying;
using Swiotlb.Trace.Replay.Allocator;
using Swiotlb.Trace.Replay.Pairing;
using Swiotlb.Trace.Tests.Replaying;
using Swiotlb.Trace.Tests.Support;

namespace Swiotlb.Trace.Tests.BlockReplay;

/// <summary>An ftrace capture holding only block_rq_* events is replayed from its block requests, one device per block device number.</summary>
public sealed class FtraceBlockOnlyTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("swiotrace-blockonly-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public void Block_requests_alone_become_assumed_mappings_per_block_device()
    {
        var source = File.ReadLines(Samples.Capture("fio-mixed-6.1.0/trace.txt")).ToList();
        var path = Path.Combine(_dir, "trace.txt");
        File.WriteAllLines(path, source.Where(line => line.StartsWith('#') || line.Contains(" block_rq_", StringComparison.Ordinal)));

        var replay = ReplayRuns.OfPath(path, "linux-5.10", "linux-6.1");

        Assert.Equal(MappingSourceKind.BlockRequests, replay.Source);
        Assert.Equal(source.Count(line => line.Contains(" block_rq_issue: ", StringComparison.Ordinal)), replay.Pairing.MapsFromBlockRequests);
        Assert.Equal(replay.Pairing.MapsFromBlockRequests, replay.Pairing.UnmapsFromCompletions);
        Assert.Equal((DeviceDmaParameters.Nvme, DeviceEvidence.BlockMajor), replay.Devices["block 259,1"]);
        Assert.Equal((DeviceDmaParameters.WithoutMinAlignMask, DeviceEvidence.BlockMajor), replay.Devices["block 8,0"]);
        Assert.NotEmpty(replay.Assumptions);
    }
}
