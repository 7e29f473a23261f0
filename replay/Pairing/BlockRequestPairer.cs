using Swiotlb.Trace.Events;
using Swiotlb.Trace.Replay.Allocator;
using Swiotlb.Trace.Replay.Records;

namespace Swiotlb.Trace.Replay.Pairing;

/// <summary>
/// Pairing for captures whose only I/O evidence is block requests (blktrace, or ftrace with only <c>block_rq_*</c>): each
/// request that moves data becomes mappings sized from its bytes (<see cref="BlockRequestLayout"/>), mapped at its issue on
/// the issuing CPU and released at its completion, with buffer offsets and devices from <see cref="BlockRequestAssumptions"/>.
/// A request issued again while in flight (a requeue) releases its earlier mappings first; requests still in flight when
/// the capture ends stay mapped.
/// </summary>
public sealed class BlockRequestPairer(IPairingSink sink, DeviceClassifier devices, BlockRequestAssumptions assumptions) : IEventPairer
{
    private readonly Func<ulong> _nextOffset = assumptions.Offsets.NewSequence();
    private readonly Dictionary<(DeviceNumber Device, ulong Sector), List<MapRecord>> _inFlight = [];
    private int _sequence;

    public PairingStatistics Statistics { get; } = new();

    public void Feed(TraceEvent traceEvent)
    {
        switch (traceEvent)
        {
            case BlockRqIssue issue when BlockRequestDirection.MovesData(issue.Rwbs, issue.Bytes):
                Issued(issue);
                break;
            case BlockRqComplete complete when _inFlight.Remove((complete.Device, complete.Sector), out var mappings):
                Release(complete.Header, mappings, UnmapEvidence.BlockCompletion);
                break;
        }
    }

    public void Finish()
    {
    }

    private void Issued(BlockRqIssue issue)
    {
        var key = (issue.Device, issue.Sector);
        if (_inFlight.Remove(key, out var reissued))
            Release(issue.Header, reissued, UnmapEvidence.Assumed);
        var device = assumptions.DeviceName(issue.Device);
        devices.AssumeFromBlockMajor(device, issue.Device);
        var parameters = devices.ParametersOf(device);
        var direction = BlockRequestDirection.Of(issue.Rwbs);
        var mappings = new List<MapRecord>();
        foreach (var (original, size) in BlockRequestLayout.Mappings(issue.Bytes, _nextOffset()))
        {
            var map = new MapRecord(_sequence++, TimeWindow.At(issue.Header.TimestampNs), device,
                new MapRequest(original, size, size, parameters, issue.Header.Cpu, 0, direction), ObservedMap.Unknown)
            {
                Evidence = MapEvidence.BlockRequest,
            };
            Statistics.MapsFromBlockRequests++;
            sink.Record(map);
            mappings.Add(map);
        }
        _inFlight[key] = mappings;
    }

    private void Release(in EventHeader header, List<MapRecord> mappings, UnmapEvidence evidence)
    {
        foreach (var map in mappings)
        {
            Statistics.Released(evidence);
            sink.Record(map.ReleasedAt(_sequence++, header.TimestampNs, evidence));
        }
    }
}
