using Swiotlb.Trace.Replay.Records;

namespace Swiotlb.Trace.Replay.Pairing;

/// <summary>Which mappings a replay keeps: of these devices, made on these CPUs, between these capture times (empty sets
/// and null bounds keep everything). A mapping's release and NVMe command are kept with it.</summary>
/// <param name="FromNs">Mappings made at or after this capture time (the map's entry), in nanoseconds.</param>
/// <param name="ToNs">Mappings made at or before this capture time.</param>
public sealed record RecordFilter(IReadOnlySet<string> Devices, IReadOnlySet<int> Cpus, long? FromNs = null, long? ToNs = null)
{
    public static RecordFilter All { get; } = new(new HashSet<string>(), new HashSet<int>());

    public bool KeepsEverything => Devices.Count == 0 && Cpus.Count == 0 && FromNs is null && ToNs is null;

    public bool Keeps(string device, int cpu, long timeNs) =>
        (Devices.Count == 0 || Devices.Contains(device)) && (Cpus.Count == 0 || Cpus.Contains(cpu))
        && (FromNs is not { } from || timeNs >= from) && (ToNs is not { } to || timeNs <= to);

    /// <summary><paramref name="sink"/>, or a sink that hands it only what this filter keeps.</summary>
    public IPairingSink Applied(IPairingSink sink) => KeepsEverything ? sink : new FilteringSink(this, sink);

    /// <summary>Hands on the kept maps, the releases of kept maps (by mapping, else by the kernel's bounce address), and
    /// the commands the filter keeps. Remembers only the kept mappings that can still be released.</summary>
    private sealed class FilteringSink(RecordFilter filter, IPairingSink inner) : IPairingSink
    {
        private readonly Dictionary<int, ulong?> _kept = [];
        private readonly Dictionary<ulong, int> _keptByBounceAddress = [];

        public void Record(ReplayRecord record)
        {
            switch (record)
            {
                case MapRecord map when filter.Keeps(map.DeviceName, map.Request.Cpu, map.Window.Start):
                    Remember(map);
                    inner.Record(map);
                    break;
                case UnmapRecord unmap when Forget(unmap):
                    inner.Record(unmap);
                    break;
            }
        }

        public void Command(NvmeCommand command)
        {
            if (filter.Keeps(command.Device, command.Setup.Header.Cpu, command.Setup.Header.TimestampNs))
                inner.Command(command);
        }

        /// <summary>A failed or unreturned map is never released: only the others are remembered.</summary>
        private void Remember(MapRecord map)
        {
            if (map.Observed.Kind == ObservedKind.Mapped)
            {
                _kept[map.Sequence] = map.Observed.BounceAddress;
                _keptByBounceAddress[map.Observed.BounceAddress] = map.Sequence;
            }
            else if (map.Observed.Kind == ObservedKind.NotCaptured)
                _kept[map.Sequence] = null;
        }

        /// <summary>True when <paramref name="unmap"/> releases a kept mapping, which is then forgotten.</summary>
        private bool Forget(UnmapRecord unmap)
        {
            if (unmap.MappingSequence is { } mapping)
            {
                if (!_kept.Remove(mapping, out ulong? bounce))
                    return false;
                if (bounce is { } address)
                    _keptByBounceAddress.Remove(address);
                return true;
            }
            if (!_keptByBounceAddress.Remove(unmap.Request.BounceAddress, out int sequence))
                return false;
            _kept.Remove(sequence);
            return true;
        }
    }
}
