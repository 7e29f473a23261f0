using Swiotlb.Trace.Capture;
using Swiotlb.Trace.Events;
using Swiotlb.Trace.Replay.Pairing;

namespace Swiotlb.Trace.Replay.Inspection;

/// <summary>Reads a whole capture once and summarises it; memory is per event type, CPU and device, not per event.</summary>
public static class CaptureInspector
{
    public static CaptureInspection Inspect(ICaptureReader reader)
    {
        var observer = new BounceObserver();
        var eventCounts = new SortedDictionary<string, long>(StringComparer.Ordinal);
        var kindCounts = new SortedDictionary<EventKind, long>();
        var devices = new SortedDictionary<string, DeviceOffsets>(StringComparer.Ordinal);
        var nvmeCommands = new SortedDictionary<string, long>(StringComparer.Ordinal);
        var blockRequests = new SortedDictionary<DeviceNumber, long>(Comparer<DeviceNumber>.Create(
            (a, b) => a.Major != b.Major ? a.Major.CompareTo(b.Major) : a.Minor.CompareTo(b.Minor)));
        var cpus = new SortedSet<int>();
        long? first = null, last = null;

        foreach (var traceEvent in reader.ReadEvents())
        {
            var time = traceEvent.Header.TimestampNs;
            first = first is null ? time : Math.Min(first.Value, time);
            last = last is null ? time : Math.Max(last.Value, time);
            cpus.Add(traceEvent.Header.Cpu);
            Increment(eventCounts, traceEvent.Name);
            Increment(kindCounts, traceEvent.Kind);
            switch (traceEvent)
            {
                case SwiotlbBounced bounced:
                    DeviceNamed(devices, bounced.Device).BouncedEvents++;
                    break;
                case NvmeSetupCmd command:
                    Increment(nvmeCommands, command.Disk.Length > 0 ? command.Disk : $"nvme{command.ControllerId} (admin)");
                    break;
                case BlockRqIssue issue:
                    Increment(blockRequests, issue.Device);
                    break;
            }
            foreach (var bounce in observer.Observe(traceEvent))
                DeviceNamed(devices, bounce.Device).Add(bounce);
        }

        return new CaptureInspection(reader.Metadata, reader.Statistics, first, last, [.. cpus], eventCounts, kindCounts,
            [.. devices.Values], nvmeCommands, blockRequests, observer.UnpairedReturns, observer.FailedMaps);
    }

    private static DeviceOffsets DeviceNamed(SortedDictionary<string, DeviceOffsets> devices, string name)
    {
        if (!devices.TryGetValue(name, out var device))
            devices[name] = device = new DeviceOffsets(name);
        return device;
    }

    private static void Increment<TKey>(IDictionary<TKey, long> counts, TKey key) =>
        counts[key] = counts.TryGetValue(key, out var count) ? count + 1 : 1;
}
