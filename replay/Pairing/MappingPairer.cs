using Swiotlb.Trace.Events;
using Swiotlb.Trace.Replay.Allocator;
using Swiotlb.Trace.Replay.Records;

namespace Swiotlb.Trace.Replay.Pairing;

/// <summary>
/// Turns a capture's events into the stream a replay needs: map records (request + the kernel's answer, with the time
/// window in which the allocation happened) and unmap records, plus the NVMe commands their mappings carried.
/// Source, best first: kprobes on <c>swiotlb_tbl_map_single</c>/unmap; else <c>dma:dma_map_*</c>/<c>dma_unmap_*</c>. Map entry
/// probes whose return probe the capture does not hold (or the reader could not place) are answered by their buffer's
/// <c>dma_map_*</c> event, so the request and its time window come from the probe, the bounce address from the event.
/// Lost unmap probes are recovered from <c>dma_unmap_*</c> or the command's <c>nvme_complete_rq</c>. Memory holds
/// what is in flight: open calls, live mappings, building commands, and records waiting to learn their device's mask.
/// </summary>
public sealed class MappingPairer(IPairingSink sink, DeviceClassifier devices) : IEventPairer
{
    private readonly KprobeMapPairing _kprobes = new();
    private readonly NvmeCommandTracker _commands = new();
    private readonly Dictionary<ulong, LiveMapping> _liveByBounce = [];
    private readonly Dictionary<int, LiveMapping> _liveBySequence = [];
    private readonly Dictionary<(string Device, ulong Original), List<ulong>> _liveBounceByOriginal = [];
    private readonly Dictionary<int, List<PendingUnmap>> _openUnmapsByCpu = [];
    private readonly HashSet<int> _refusedSequences = [];
    private readonly HeldRecords _held = new(sink, devices);
    private int _sequence;
    private bool _kprobesPresent;
    private bool _kprobeReturnsSeen;
    private long _lastTimestamp;

    public PairingStatistics Statistics { get; } = new();
    public DeviceClassifier Devices => devices;

    public void Feed(TraceEvent traceEvent)
    {
        var cpu = traceEvent.Header.Cpu;
        var time = traceEvent.Header.TimestampNs;
        CloseUnmapWindows(cpu, time);
        _lastTimestamp = Math.Max(_lastTimestamp, time);
        switch (traceEvent)
        {
            case SwiotlbBounced bounced:
                _kprobes.Bounced(bounced);
                break;
            case SwiotlbMapEntry entry:
                Enter(entry);
                break;
            case SwiotlbMapReturn returned:
                Return(returned);
                break;
            case SwiotlbUnmapEntry unmap:
                ProbeUnmap(unmap);
                break;
            case DmaMapSingle single when !_kprobeReturnsSeen:
                MappedByDmaEvent(single.Header, single.Device, new ScatterListEntry(single.PhysAddress, single.DmaAddress, single.Size), single.Direction);
                break;
            case DmaMapSg list:
                MappedScatterList(list);
                break;
            case DmaMapSgError failed:
                FailedScatterList(failed);
                break;
            case DmaUnmapSingle page:
                UnmapLive(page.Header, page.DmaAddress);
                break;
            case DmaUnmapSg list:
                foreach (var original in list.PhysAddresses)
                    if (TakeLiveBounce(list.Device, original) is { } bounce)
                        UnmapLive(list.Header, bounce);
                break;
            case NvmeSetupCmd setup:
                if (_commands.Setup(setup) is { } superseded)
                    _held.Hold(superseded);
                break;
            case BlockRqIssue issue:
                if (_commands.Issued(issue) is { } controller)
                    devices.CarriesNvmeCommands(controller);
                break;
            case NvmeCompleteRq completion:
                Complete(completion);
                break;
        }
        _held.Release();
    }

    /// <summary>The capture ended: closes open windows, reports calls that never returned, hands on everything held.</summary>
    public void Finish()
    {
        foreach (var cpu in _openUnmapsByCpu.Keys.ToList())
            CloseUnmapWindows(cpu, _lastTimestamp);
        foreach (var (entry, sequence) in _kprobes.Unreturned())
        {
            if (_refusedSequences.Contains(sequence))
                continue;
            Statistics.Unreturned++;
            _held.Hold(new MapRecord(sequence, new TimeWindow(entry.Header.TimestampNs, long.MaxValue),
                _kprobes.DeviceOf(entry.DevicePointer), RequestOf(entry), ObservedMap.NoReturn));
        }
        foreach (var command in _commands.Unfinished())
            _held.Hold(command);
        _held.ReleaseAll();
        Statistics.UnpairedReturns = _kprobes.UnpairedReturns;
    }

    private void Enter(SwiotlbMapEntry entry)
    {
        _kprobesPresent = true;
        Statistics.PoolStart ??= entry.PoolStart;
        var sequence = _sequence++;
        _kprobes.Entered(entry, sequence);
        if (MappingLimits.Refuse(entry.MappingSize, entry.AllocSize ?? entry.MappingSize) is { } refusal)
        {
            Statistics.Refused(entry.Header.TimestampNs, entry.Header.Cpu, refusal);
            _refusedSequences.Add(sequence);
            return;
        }
        var device = _kprobes.DeviceOf(entry.DevicePointer);
        if (entry.MinAlignMask is { } mask && device != KprobeMapPairing.UnknownDevice)
            devices.ProbedMask(device, mask);
        Attach(entry.Header.Cpu, device, sequence, entry.MappingSize);
    }

    private void Return(SwiotlbMapReturn returned)
    {
        _kprobeReturnsSeen = true;
        if (_kprobes.Returned(returned) is not (var entry, var sequence))
            return;
        if (_refusedSequences.Remove(sequence))
            return;
        var device = _kprobes.DeviceOf(entry.DevicePointer);
        var request = RequestOf(entry);
        Statistics.MapsFromKprobes++;
        if (returned.Header.TimestampNs < entry.Header.TimestampNs)
            Statistics.ReturnsBeforeEntry++;
        var observed = returned.Failed ? ObservedMap.Failure : ObservedMap.At(returned.ReturnValue);
        Mapped(new MapRecord(sequence, new TimeWindow(entry.Header.TimestampNs, returned.Header.TimestampNs), device, request, observed));
    }

    /// <summary>A capped list maps more entries than it shows: counted, and replayed with the entries it shows.</summary>
    private void MappedScatterList(DmaMapSg list)
    {
        if (list.Truncated)
        {
            Statistics.CappedScatterLists++;
            Statistics.ScatterListEntriesNotShown += list.EntriesNotShown;
        }
        if (_kprobeReturnsSeen)
            return;
        foreach (var entry in ScatterListEntries.Of(list))
            MappedByDmaEvent(list.Header, list.Device, entry, list.Direction);
    }

    /// <summary>A failed list map leaves nothing mapped (entries mapped before the failure are unmapped again); without return
    /// probes the capture does not say which entry failed, so their open entry probes are set aside.</summary>
    private void FailedScatterList(DmaMapSgError failed)
    {
        Statistics.FailedScatterLists++;
        if (_kprobeReturnsSeen)
            return;
        foreach (var original in failed.PhysAddresses)
            _kprobes.TakeOpen(failed.Header.Cpu, original);
    }

    /// <summary>A bounced buffer's <c>dma_map_*</c>: the answer to its open entry probe, else a mapping of its own.
    /// The kernel traces a failed single map with the address <c>DMA_MAPPING_ERROR</c> (~0).</summary>
    private void MappedByDmaEvent(in EventHeader header, string device, ScatterListEntry entry, DmaDirection direction)
    {
        var failed = entry.DmaAddress == SwiotlbMapReturn.MappingError;
        if (entry.DmaAddress == entry.PhysAddress)
            return;
        if (MappingLimits.Refuse(entry.Size, entry.Size) is { } refusal)
        {
            Statistics.Refused(header.TimestampNs, header.Cpu, refusal);
            return;
        }
        var observed = failed ? ObservedMap.Failure : ObservedMap.At(entry.DmaAddress);
        Statistics.MapsFromDmaEvents++;
        if (_kprobes.TakeOpen(header.Cpu, entry.PhysAddress) is (var probed, var probedSequence))
        {
            Statistics.MapEntriesAnsweredByDmaEvents++;
            Mapped(new MapRecord(probedSequence, new TimeWindow(probed.Header.TimestampNs, header.TimestampNs), device, RequestOf(probed), observed)
            {
                Evidence = MapEvidence.DmaEvent,
            });
            return;
        }
        var sequence = _sequence++;
        var request = new MapRequest(entry.PhysAddress, entry.Size, entry.Size, default, header.Cpu, 0, direction);
        Attach(header.Cpu, device, sequence, entry.Size);
        Mapped(new MapRecord(sequence, TimeWindow.At(header.TimestampNs), device, request, observed) { Evidence = MapEvidence.DmaEvent });
    }

    /// <summary>
    /// Hands on a map record and keeps a successful one live. A bounce address still live from an earlier mapping proves
    /// that mapping was released without the capture showing it (a lost probe): its release is recovered first.
    /// </summary>
    private void Mapped(MapRecord map)
    {
        if (map.Observed.Kind == ObservedKind.Mapped && _liveByBounce.TryGetValue(map.Observed.BounceAddress, out var stale))
        {
            RemoveLive(stale);
            Statistics.Released(UnmapEvidence.Recovered);
            _held.Hold(new UnmapRecord(_sequence++, TimeWindow.At(map.Window.Start), stale.Device, UnmapOf(stale), UnmapEvidence.Recovered)
            {
                MappingSequence = stale.Sequence,
            });
        }
        _held.Hold(map);
        if (map.Observed.Kind == ObservedKind.Mapped)
            AddLive(new LiveMapping(map.Sequence, map.DeviceName, map.Request, map.Observed.BounceAddress));
    }

    /// <summary>A mapping made while an NVMe command is built on its CPU may be that command's segment; one made outside
    /// tells its device is not the controller, once the CPU has shown a setup (a dump may begin inside a command).</summary>
    private void Attach(int cpu, string device, int sequence, ulong size)
    {
        if (device == KprobeMapPairing.UnknownDevice)
            devices.Assume(device);
        else if (_commands.HasSeenSetupOn(cpu) && !_commands.IsBuilding(cpu))
            devices.MapsOutsideNvmeCommands(device);
        _commands.TryAttach(cpu, device, sequence, size);
    }

    private void ProbeUnmap(SwiotlbUnmapEntry unmap)
    {
        if (MappingLimits.Refuse(unmap.MappingSize, unmap.AllocSize ?? unmap.MappingSize) is { } refusal)
        {
            Statistics.Refused(unmap.Header.TimestampNs, unmap.Header.Cpu, $"unmap: {refusal}");
            return;
        }
        var device = _kprobes.DeviceOf(unmap.DevicePointer);
        if (_liveByBounce.TryGetValue(unmap.BounceAddress, out var live))
            RemoveLive(live);
        Statistics.Released(UnmapEvidence.Probe);
        var request = new UnmapRequest(unmap.BounceAddress, unmap.MappingSize, unmap.AllocSize ?? unmap.MappingSize, default, unmap.Direction, unmap.Attributes ?? 0);
        OpenUnmap(unmap.Header, device, request, UnmapEvidence.Probe, live?.Sequence);
    }

    /// <summary>An unmap shown by other evidence than its probe: a lost probe when kprobes are the source, the unmap itself otherwise.</summary>
    private void UnmapLive(in EventHeader header, ulong bounce)
    {
        if (!_liveByBounce.TryGetValue(bounce, out var live))
            return;
        RemoveLive(live);
        var evidence = _kprobesPresent ? UnmapEvidence.Recovered : UnmapEvidence.Probe;
        Statistics.Released(evidence);
        OpenUnmap(header, live.Device, UnmapOf(live), evidence, live.Sequence);
    }

    private void Complete(NvmeCompleteRq completion)
    {
        if (_commands.Complete(completion) is not { } command)
            return;
        foreach (var segment in command.Segments)
            if (_liveBySequence.TryGetValue(segment, out var stillLive))
                UnmapLive(completion.Header, stillLive.Bounce);
        Statistics.NvmeCommands++;
        _held.Hold(command);
    }

    private void AddLive(LiveMapping live)
    {
        _liveByBounce[live.Bounce] = live;
        _liveBySequence[live.Sequence] = live;
        var key = (live.Device, live.Request.OriginalAddress);
        if (!_liveBounceByOriginal.TryGetValue(key, out var bounces))
            _liveBounceByOriginal[key] = bounces = [];
        bounces.Add(live.Bounce);
    }

    private ulong? TakeLiveBounce(string device, ulong original) =>
        _liveBounceByOriginal.TryGetValue((device, original), out var bounces) ? bounces[0] : null;

    private void RemoveLive(LiveMapping live)
    {
        _liveByBounce.Remove(live.Bounce);
        _liveBySequence.Remove(live.Sequence);
        var key = (live.Device, live.Request.OriginalAddress);
        if (_liveBounceByOriginal.TryGetValue(key, out var bounces) && bounces.Remove(live.Bounce) && bounces.Count == 0)
            _liveBounceByOriginal.Remove(key);
    }

    private void OpenUnmap(in EventHeader header, string device, UnmapRequest request, UnmapEvidence evidence, int? mappingSequence)
    {
        if (!_openUnmapsByCpu.TryGetValue(header.Cpu, out var open))
            _openUnmapsByCpu[header.Cpu] = open = [];
        open.Add(new PendingUnmap(_sequence++, header.TimestampNs, device, request, evidence, mappingSequence));
    }

    /// <summary>An unmap may have taken effect any time until the next event on its CPU.</summary>
    private void CloseUnmapWindows(int cpu, long time)
    {
        if (!_openUnmapsByCpu.TryGetValue(cpu, out var open) || open.Count == 0)
            return;
        foreach (var unmap in open)
            _held.Hold(new UnmapRecord(unmap.Sequence, new TimeWindow(unmap.Time, Math.Max(time, unmap.Time)), unmap.Device, unmap.Request, unmap.Evidence)
            {
                MappingSequence = unmap.MappingSequence,
                Cpu = cpu,
            });
        open.Clear();
    }

    private static MapRequest RequestOf(SwiotlbMapEntry entry) =>
        new(entry.OriginalAddress, entry.MappingSize, entry.AllocSize ?? entry.MappingSize, default, entry.Header.Cpu,
            entry.AllocAlignMask ?? 0, entry.Direction, entry.Attributes ?? 0);

    private static UnmapRequest UnmapOf(LiveMapping live) => UnmapRequest.Releasing(live.Request, live.Bounce);

    private sealed record LiveMapping(int Sequence, string Device, MapRequest Request, ulong Bounce);

    private sealed record PendingUnmap(int Sequence, long Time, string Device, UnmapRequest Request, UnmapEvidence Evidence, int? MappingSequence);
}
