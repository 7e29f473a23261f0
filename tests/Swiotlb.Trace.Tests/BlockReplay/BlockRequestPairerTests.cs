using Swiotlb.Trace.Events;
using Swiotlb.Trace.Replay.Allocator;
using Swiotlb.Trace.Replay.Pairing;
using Swiotlb.Trace.Replay.Records;

namespace Swiotlb.Trace.Tests.BlockReplay;

/// <summary>Block requests become assumed mappings: sized and timed from issue to completion, offsets and devices as assumed.</summary>
public sealed class BlockRequestPairerTests
{
    private static readonly DeviceNumber Nvme = new(259, 1);
    private static readonly DeviceNumber Sata = new(8, 0);

    [Fact]
    public void A_request_is_mapped_at_its_issue_and_released_at_its_completion()
    {
        var (pairer, records) = Pairer(new FixedBufferOffset(512));

        pairer.Feed(Issue(100, 1, Nvme, "WS", sector: 8, bytes: 8192));
        pairer.Feed(Complete(250, Nvme, sector: 8));

        var map = Assert.IsType<MapRecord>(records[0]);
        var unmap = Assert.IsType<UnmapRecord>(records[1]);
        Assert.Equal((100L, 1, "block 259,1"), (map.Window.Start, map.Request.Cpu, map.DeviceName));
        Assert.Equal((BlockRequestLayout.NominalBufferPage + 512, 8192UL), (map.Request.OriginalAddress, map.Request.MappingSize));
        Assert.Equal((DmaDirection.ToDevice, MapEvidence.BlockRequest, ObservedKind.NotCaptured), (map.Request.Direction, map.Evidence, map.Observed.Kind));
        Assert.Equal(DeviceDmaParameters.Nvme, map.Request.Device);
        Assert.Equal((250L, map.Sequence, UnmapEvidence.BlockCompletion), (unmap.Window.Start, unmap.MappingSequence, unmap.Evidence));
        Assert.Equal(1, pairer.Statistics.UnmapsFromCompletions);
    }

    [Fact]
    public void Requests_larger_than_a_mapping_can_be_are_split_and_data_less_ones_skipped()
    {
        var (pairer, records) = Pairer(BufferOffsetAssumption.Default);

        pairer.Feed(Issue(100, 0, Sata, "R", sector: 0, bytes: 0));
        pairer.Feed(Issue(100, 0, Sata, "FN", sector: 64, bytes: 4096));
        pairer.Feed(Issue(100, 0, Sata, "R", sector: 128, bytes: 300 * 1024));

        var maps = records.Cast<MapRecord>().ToList();
        Assert.Equal(new[] { BlockRequestLayout.MaxMappingBytes, 300 * 1024 - BlockRequestLayout.MaxMappingBytes }, maps.Select(m => m.Request.MappingSize));
        Assert.Equal(BlockRequestLayout.NominalBufferPage + BlockRequestLayout.MaxMappingBytes, maps[1].Request.OriginalAddress);
        Assert.All(maps, m => Assert.Equal((DeviceDmaParameters.WithoutMinAlignMask, DmaDirection.FromDevice), (m.Request.Device, m.Request.Direction)));
    }

    [Fact]
    public void A_request_issued_again_before_completing_releases_its_first_mappings()
    {
        var (pairer, records) = Pairer(BufferOffsetAssumption.Default);

        pairer.Feed(Issue(100, 0, Nvme, "R", sector: 8, bytes: 4096));
        pairer.Feed(Issue(300, 1, Nvme, "R", sector: 8, bytes: 4096));
        pairer.Feed(Complete(400, Nvme, sector: 8));
        pairer.Feed(Complete(500, Nvme, sector: 8));

        Assert.Equal(new[] { "map 100", "unmap 300 Assumed", "map 300", "unmap 400 BlockCompletion" }, records.Select(Describe));
        Assert.Equal((1L, 1L), (pairer.Statistics.UnmapsAssumed, pairer.Statistics.UnmapsFromCompletions));
    }

    [Fact]
    public void Named_block_devices_take_the_given_name_and_random_offsets_repeat_per_seed()
    {
        var assumptions = new BlockRequestAssumptions(new RandomBufferOffset(512), new Dictionary<DeviceNumber, string> { [Nvme] = "0000:00:04.0" });
        var first = Offsets(assumptions);

        Assert.Equal(first, Offsets(assumptions));
        Assert.All(first, offset => Assert.True(offset % 512 == 0 && offset < 4096));
        Assert.True(first.Distinct().Count() > 4);
        Assert.Equal("0000:00:04.0", assumptions.DeviceName(Nvme));
        Assert.Equal("block 8,0", assumptions.DeviceName(Sata));
    }

    private static List<ulong> Offsets(BlockRequestAssumptions assumptions)
    {
        var sink = new RecordingSink();
        var pairer = new BlockRequestPairer(sink, new DeviceClassifier(), assumptions);
        for (var i = 0; i < 32; i++)
            pairer.Feed(Issue(i, 0, Nvme, "R", sector: (ulong)i * 8, bytes: 4096));
        return [.. sink.Records.Cast<MapRecord>().Select(m => m.Request.OriginalAddress - BlockRequestLayout.NominalBufferPage)];
    }

    private static (BlockRequestPairer, List<ReplayRecord>) Pairer(BufferOffsetAssumption offsets)
    {
        var sink = new RecordingSink();
        return (new BlockRequestPairer(sink, new DeviceClassifier(), BlockRequestAssumptions.Defaults with { Offsets = offsets }), sink.Records);
    }

    private static string Describe(ReplayRecord record) => record switch
    {
        MapRecord map => $"map {map.Window.Start}",
        UnmapRecord unmap => $"unmap {unmap.Window.Start} {unmap.Evidence}",
        _ => "?",
    };

    private static BlockRqIssue Issue(long time, int cpu, DeviceNumber device, string rwbs, ulong sector, uint bytes) =>
        new(new EventHeader(time, cpu, 1, "fio"), device, rwbs, bytes, sector, bytes / 512, null, "fio");

    private static BlockRqComplete Complete(long time, DeviceNumber device, ulong sector) =>
        new(new EventHeader(time, 0, 0, "<idle>"), device, "R", sector, 0, null, 0);

    private sealed class RecordingSink : IPairingSink
    {
        public List<ReplayRecord> Records { get; } = [];

        public void Record(ReplayRecord record) => Records.Add(record);

        public void Command(NvmeCommand command)
        {
        }
    }
}
