using Swiotlb.Trace.Events;

namespace Swiotlb.Trace.Replay.Pairing;

/// <summary>
/// The mappings whose original and bounce address a capture shows: a <c>swiotlb_tbl_map_single</c> kprobe with its return
/// probe, or a <c>dma:dma_map_*</c> event. A light pass for <c>inspect</c>; replay pairs with <see cref="MappingPairer"/>.
/// </summary>
public sealed class BounceObserver
{
    private readonly KprobeMapPairing _kprobes = new();

    /// <summary>Map-return probes with no open map entry on their CPU (the capture began inside the call).</summary>
    public long UnpairedReturns => _kprobes.UnpairedReturns;

    /// <summary>Map returns that reported failure (~0).</summary>
    public long FailedMaps { get; private set; }

    /// <summary>Feeds one event; returns the bounces it completes (none, one, or one per scatterlist entry).</summary>
    public IEnumerable<ObservedBounce> Observe(TraceEvent traceEvent)
    {
        switch (traceEvent)
        {
            case SwiotlbBounced bounced:
                _kprobes.Bounced(bounced);
                return [];
            case SwiotlbMapEntry entry:
                _kprobes.Entered(entry);
                return [];
            case SwiotlbMapReturn returned:
                return Close(returned);
            case DmaMapSingle page when page.DmaAddress != page.PhysAddress:
                return [new ObservedBounce(page.Device, page.PhysAddress, page.DmaAddress, page.Size, BounceSource.DmaEvent, page.Header.Cpu, page.Header.TimestampNs)];
            case DmaMapSg list:
                return ScatterList(list);
            default:
                return [];
        }
    }

    /// <summary>The device name learnt for a <c>struct device</c> pointer.</summary>
    public string DeviceOf(ulong pointer) => _kprobes.DeviceOf(pointer);

    private IEnumerable<ObservedBounce> Close(SwiotlbMapReturn returned)
    {
        if (_kprobes.Returned(returned) is not (var entry, _))
            return [];
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
        foreach (var entry in ScatterListEntries.Of(list))
            if (entry.DmaAddress != entry.PhysAddress)
                yield return new ObservedBounce(list.Device, entry.PhysAddress, entry.DmaAddress, entry.Size, BounceSource.DmaEvent, list.Header.Cpu, list.Header.TimestampNs);
    }
}
