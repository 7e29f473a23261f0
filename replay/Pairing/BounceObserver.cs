using Swiotlb.Trace.Events;

namespace Swiotlb.Trace.Replay.Pairing;

/// <summary>
/// Pairs the events that together show a mapping's original and bounce address: a <c>swiotlb_tbl_map_single</c> kprobe with
/// its return probe on the same CPU (nested by interrupts, so returns pair last-in first-out), or a <c>dma:dma_map_*</c> event.
/// The device of a kprobe is the <c>swiotlb_bounced</c> that preceded it on the same CPU for the same address, learnt per
/// <c>dev=</c> pointer so later mappings of that pointer are named too.
/// </summary>
public sealed class BounceObserver
{
    private readonly Dictionary<int, SwiotlbBounced> _lastBouncedByCpu = [];
    private readonly Dictionary<int, Stack<SwiotlbMapEntry>> _openMapsByCpu = [];
    private readonly Dictionary<ulong, string> _deviceByPointer = [];

    public const string UnknownDevice = "(unknown device)";

    /// <summary>Map-return probes with no open map entry on their CPU (the capture began inside the call).</summary>
    public long UnpairedReturns { get; private set; }

    /// <summary>Map returns that reported failure (~0).</summary>
    public long FailedMaps { get; private set; }

    /// <summary>Feeds one event; returns the bounces it completes (none, one, or one per scatterlist entry).</summary>
    public IEnumerable<ObservedBounce> Observe(TraceEvent traceEvent) => traceEvent switch
    {
        SwiotlbBounced bounced => Remember(bounced),
        SwiotlbMapEntry entry => Open(entry),
        SwiotlbMapReturn returned => Close(returned),
        DmaMapPage page => page.DmaAddress == page.PhysAddress ? [] :
            [new ObservedBounce(page.Device, page.PhysAddress, page.DmaAddress, page.Size, BounceSource.DmaEvent, page.Header.Cpu, page.Header.TimestampNs)],
        DmaMapSg list => ScatterList(list),
        _ => [],
    };

    /// <summary>The device name learnt for a <c>struct device</c> pointer.</summary>
    public string DeviceOf(ulong pointer) => _deviceByPointer.GetValueOrDefault(pointer, UnknownDevice);

    private IEnumerable<ObservedBounce> Remember(SwiotlbBounced bounced)
    {
        _lastBouncedByCpu[bounced.Header.Cpu] = bounced;
        return [];
    }

    private IEnumerable<ObservedBounce> Open(SwiotlbMapEntry entry)
    {
        if (_lastBouncedByCpu.TryGetValue(entry.Header.Cpu, out var bounced) && bounced.OriginalAddress == entry.OriginalAddress)
            _deviceByPointer[entry.DevicePointer] = bounced.Device;
        if (!_openMapsByCpu.TryGetValue(entry.Header.Cpu, out var open))
            _openMapsByCpu[entry.Header.Cpu] = open = new Stack<SwiotlbMapEntry>();
        open.Push(entry);
        return [];
    }

    private IEnumerable<ObservedBounce> Close(SwiotlbMapReturn returned)
    {
        if (!_openMapsByCpu.TryGetValue(returned.Header.Cpu, out var open) || !open.TryPop(out var entry))
        {
            UnpairedReturns++;
            return [];
        }
        if (returned.Failed)
        {
            FailedMaps++;
            return [];
        }
        return [new ObservedBounce(DeviceOf(entry.DevicePointer), entry.OriginalAddress, returned.ReturnValue, entry.MappingSize,
            BounceSource.Kprobe, entry.Header.Cpu, entry.Header.TimestampNs)];
    }

    private static IEnumerable<ObservedBounce> ScatterList(DmaMapSg list)
    {
        var count = Math.Min(list.PhysAddresses.Length, Math.Min(list.DmaAddresses.Length, list.Sizes.Length));
        for (var i = 0; i < count; i++)
        {
            if (list.DmaAddresses[i] != list.PhysAddresses[i])
                yield return new ObservedBounce(list.Device, list.PhysAddresses[i], list.DmaAddresses[i], list.Sizes[i],
                    BounceSource.DmaEvent, list.Header.Cpu, list.Header.TimestampNs);
        }
    }
}
