using Swiotlb.Trace.Capture;
using Swiotlb.Trace.Events;
using Swiotlb.Trace.Replay.Pairing;

namespace Swiotlb.Trace.Replay.Inspection;

/// <summary>Summarises a capture as its events stream by (one pass; a caller may feed the same events to other work);
/// memory is per event type, CPU and device, not per event.</summary>
public sealed class CaptureInspector
{
    private readonly BounceObserver _observer = new();
    private readonly Dictionary<string, long> _eventCounts = new(StringComparer.Ordinal);
    private readonly Dictionary<EventKind, long> _kindCounts = [];
    private readonly Dictionary<string, DeviceOffsets> _devices = new(StringComparer.Ordinal);
    private readonly Dictionary<string, long> _nvmeCommands = new(StringComparer.Ordinal);
    private readonly Dictionary<DeviceNumber, long> _blockRequests = [];
    private readonly HashSet<int> _cpus = [];
    private long? _first;
    private long? _last;

    /// <summary>Reads a whole capture once and summarises it.</summary>
    public static CaptureInspection Inspect(ICaptureReader reader)
    {
        var inspector = new CaptureInspector();
        foreach (var traceEvent in reader.ReadEvents())
            inspector.Add(traceEvent);
        return inspector.Finish(reader.Metadata, reader.Statistics);
    }

    public void Add(TraceEvent traceEvent)
    {
        var time = traceEvent.Header.TimestampNs;
        _first = _first is null ? time : Math.Min(_first.Value, time);
        _last = _last is null ? time : Math.Max(_last.Value, time);
        _cpus.Add(traceEvent.Header.Cpu);
        Increment(_eventCounts, traceEvent.Name);
        Increment(_kindCounts, traceEvent.Kind);
        switch (traceEvent)
        {
            case SwiotlbBounced bounced:
                DeviceNamed(bounced.Device).BouncedEvents++;
                break;
            case NvmeSetupCmd command:
                Increment(_nvmeCommands, command.Disk.Length > 0 ? command.Disk : $"nvme{command.ControllerId} (admin)");
                break;
            case BlockRqIssue issue:
                Increment(_blockRequests, issue.Device);
                break;
        }
        foreach (var bounce in _observer.Observe(traceEvent))
            DeviceNamed(bounce.Device).Add(bounce);
    }

    /// <summary>The summary, sorted for reports (counting needs no order, so it is sorted once here).</summary>
    public CaptureInspection Finish(CaptureMetadata metadata, ReadStatistics statistics) =>
        new(metadata, statistics, _first, _last, [.. _cpus.Order()],
            new SortedDictionary<string, long>(_eventCounts, StringComparer.Ordinal),
            new SortedDictionary<EventKind, long>(_kindCounts),
            [.. _devices.Values.OrderBy(d => d.Name, StringComparer.Ordinal)],
            new SortedDictionary<string, long>(_nvmeCommands, StringComparer.Ordinal),
            new SortedDictionary<DeviceNumber, long>(_blockRequests, Comparer<DeviceNumber>.Create(
                (a, b) => a.Major != b.Major ? a.Major.CompareTo(b.Major) : a.Minor.CompareTo(b.Minor))),
            _observer.UnpairedReturns, _observer.FailedMaps);

    private DeviceOffsets DeviceNamed(string name)
    {
        if (!_devices.TryGetValue(name, out var device))
            _devices[name] = device = new DeviceOffsets(name);
        return device;
    }

    private static void Increment<TKey>(Dictionary<TKey, long> counts, TKey key)
        where TKey : notnull
    {
        ref var count = ref System.Runtime.InteropServices.CollectionsMarshal.GetValueRefOrAddDefault(counts, key, out _);
        count++;
    }
}
