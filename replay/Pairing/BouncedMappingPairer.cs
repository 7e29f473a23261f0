using Swiotlb.Trace.Events;
using Swiotlb.Trace.Replay.Allocator;
using Swiotlb.Trace.Replay.Records;

namespace Swiotlb.Trace.Replay.Pairing;

/// <summary>
/// Pairing for captures with <c>swiotlb_bounced</c> but neither kprobes nor <c>dma:*</c>: each bounce is a map request
/// whose answer is unknown. Its lifetime comes from what it carried: an NVMe command being built on the same CPU
/// (released at that command's <c>nvme_complete_rq</c>), else a block request just issued on that CPU and not yet
/// filled (released at the matching <c>block_rq_complete</c>), else it is assumed released at once — every record says which.
/// </summary>
public sealed class BouncedMappingPairer(IPairingSink sink, DeviceClassifier devices) : IEventPairer
{
    private readonly NvmeCommandTracker _commands = new();
    private readonly HeldRecords _held = new(sink, devices);
    private readonly Dictionary<int, BlockRequest> _fillingByCpu = [];
    private readonly Dictionary<(DeviceNumber Device, ulong Sector), BlockRequest> _blockInFlight = [];
    private readonly Dictionary<int, MapRecord> _liveBySequence = [];
    private int _sequence;

    public PairingStatistics Statistics { get; } = new();

    public void Feed(TraceEvent traceEvent)
    {
        switch (traceEvent)
        {
            case NvmeSetupCmd setup:
                if (_commands.Setup(setup) is { } superseded)
                    _held.Hold(superseded);
                break;
            case SwiotlbBounced bounced:
                Bounced(bounced);
                break;
            case BlockRqIssue issue:
                Issued(issue);
                break;
            case BlockRqComplete complete when _blockInFlight.Remove((complete.Device, complete.Sector), out var request):
                Release(complete.Header, request.Mappings, UnmapEvidence.BlockCompletion);
                break;
            case NvmeCompleteRq completion when _commands.Complete(completion) is { } command:
                Release(completion.Header, command.Segments, UnmapEvidence.CommandCompletion);
                Statistics.NvmeCommands++;
                _held.Hold(command);
                break;
        }
        _held.Release();
    }

    public void Finish()
    {
        foreach (var command in _commands.Unfinished())
            _held.Hold(command);
        _held.ReleaseAll();
    }

    private void Bounced(SwiotlbBounced bounced)
    {
        var cpu = bounced.Header.Cpu;
        if (MappingLimits.Refuse(bounced.Size, bounced.Size) is { } refusal)
        {
            Statistics.Refused(bounced.Header.TimestampNs, cpu, refusal);
            return;
        }
        var sequence = _sequence++;
        var building = _commands.IsBuilding(cpu);
        var direction = DmaDirection.Bidirectional;
        var carried = building && _commands.TryAttach(cpu, bounced.Device, sequence, bounced.Size);
        if (!building)
        {
            devices.MapsOutsideNvmeCommands(bounced.Device);
            if (_fillingByCpu.TryGetValue(cpu, out var request) && request.Take(bounced.Size))
            {
                request.Mappings.Add(sequence);
                direction = request.Direction;
                carried = true;
                if (request.Filled)
                    _fillingByCpu.Remove(cpu);
            }
        }
        var map = new MapRecord(sequence, TimeWindow.At(bounced.Header.TimestampNs), bounced.Device,
            new MapRequest(bounced.OriginalAddress, bounced.Size, bounced.Size, default, cpu, 0, direction), ObservedMap.Unknown)
        {
            Evidence = MapEvidence.BouncedEvent,
        };
        Statistics.MapsFromBouncedEvents++;
        _held.Hold(map);
        if (carried)
            _liveBySequence[sequence] = map;
        else
            Unmap(bounced.Header, map, UnmapEvidence.Assumed);
    }

    private void Issued(BlockRqIssue issue)
    {
        var wasNvmeCommand = _commands.IsBuilding(issue.Header.Cpu);
        if (_commands.Issued(issue) is { } controller)
            devices.CarriesNvmeCommands(controller);
        if (wasNvmeCommand)
            return;
        var request = new BlockRequest(issue.Bytes, BlockRequestDirection.Of(issue.Rwbs));
        _fillingByCpu[issue.Header.Cpu] = request;
        _blockInFlight[(issue.Device, issue.Sector)] = request;
    }

    private void Release(in EventHeader header, IEnumerable<int> mappings, UnmapEvidence evidence)
    {
        foreach (var sequence in mappings)
            if (_liveBySequence.Remove(sequence, out var map))
                Unmap(header, map, evidence);
    }

    private void Unmap(in EventHeader header, MapRecord map, UnmapEvidence evidence)
    {
        Statistics.Released(evidence);
        _held.Hold(map.ReleasedAt(_sequence++, header.TimestampNs, evidence));
    }

    /// <summary>A block request issued on a CPU, taking the bounces that follow until its bytes are covered.</summary>
    private sealed class BlockRequest(uint bytes, DmaDirection direction)
    {
        private ulong _covered;

        public DmaDirection Direction { get; } = direction;
        public List<int> Mappings { get; } = [];
        public bool Filled => _covered >= bytes;

        public bool Take(ulong size)
        {
            if (_covered + size > bytes)
                return false;
            _covered += size;
            return true;
        }
    }
}
