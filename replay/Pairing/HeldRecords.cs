using Swiotlb.Trace.Replay.Records;

namespace Swiotlb.Trace.Replay.Pairing;

/// <summary>
/// Records and commands on their way to the sink, held in order until each record's device mask is decided
/// (a device's first mappings may come before the capture shows whether it is the NVMe controller).
/// </summary>
public sealed class HeldRecords(IPairingSink sink, DeviceClassifier devices)
{
    /// <summary>Records held while their device is undecided, at most; past that the device is assumed mask-less.</summary>
    public const int MaxHeld = 4096;

    private readonly Queue<object> _held = new();

    public void Hold(ReplayRecord record) => _held.Enqueue(record);

    public void Hold(NvmeCommand command) => _held.Enqueue(command);

    /// <summary>Hands on held items in order, as far as their devices are decided.</summary>
    public void Release()
    {
        while (_held.TryPeek(out var item))
        {
            if (item is ReplayRecord record && !devices.IsKnown(record.DeviceName))
            {
                if (_held.Count <= MaxHeld)
                    return;
                devices.Assume(record.DeviceName);
            }
            _held.Dequeue();
            if (item is ReplayRecord ready)
                sink.Record(WithDeviceParameters(ready));
            else
                sink.Command((NvmeCommand)item);
        }
    }

    /// <summary>The capture ended: devices still undecided are assumed mask-less, and everything is handed on.</summary>
    public void ReleaseAll()
    {
        foreach (var record in _held.OfType<ReplayRecord>())
            devices.Assume(record.DeviceName);
        Release();
    }

    private ReplayRecord WithDeviceParameters(ReplayRecord record)
    {
        var parameters = devices.ParametersOf(record.DeviceName);
        return record switch
        {
            MapRecord map when map.Request.Device == parameters => map,
            UnmapRecord unmap when unmap.Request.Device == parameters => unmap,
            MapRecord map => map with { Request = map.Request with { Device = parameters } },
            UnmapRecord unmap => unmap with { Request = unmap.Request with { Device = parameters } },
            _ => record,
        };
    }
}
