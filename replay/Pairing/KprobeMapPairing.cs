using Swiotlb.Trace.Events;

namespace Swiotlb.Trace.Replay.Pairing;

/// <summary>
/// Pairs <c>swiotlb_tbl_map_single</c> entry probes with their return probes (same CPU; interrupts nest, so returns pair
/// last-in first-out) and names each <c>dev=</c> pointer after the <c>swiotlb_bounced</c> that preceded its first map on that CPU.
/// Where no return probe can be placed, an entry is answered by the <c>dma:*</c> event of its buffer instead (<see cref="TakeOpen"/>).
/// </summary>
/// <remarks>Each entry carries the sequence number its caller gave it, handed back with it.</remarks>
public sealed class KprobeMapPairing
{
    /// <summary>An entry probe waiting for its return, with the sequence number given when it was entered.</summary>
    public readonly record struct OpenEntry(SwiotlbMapEntry Entry, int Sequence);

    private readonly Dictionary<int, SwiotlbBounced> _lastBouncedByCpu = [];
    private readonly Dictionary<int, List<OpenEntry>> _openByCpu = [];
    private readonly Dictionary<ulong, string> _deviceByPointer = [];

    public const string UnknownDevice = "(unknown device)";

    /// <summary>Return probes with no open entry on their CPU (the capture began inside the call).</summary>
    public long UnpairedReturns { get; private set; }

    public void Bounced(SwiotlbBounced bounced) => _lastBouncedByCpu[bounced.Header.Cpu] = bounced;

    public void Entered(SwiotlbMapEntry entry, int sequence = 0)
    {
        if (_lastBouncedByCpu.TryGetValue(entry.Header.Cpu, out var bounced) && bounced.OriginalAddress == entry.OriginalAddress)
            _deviceByPointer[entry.DevicePointer] = bounced.Device;
        if (!_openByCpu.TryGetValue(entry.Header.Cpu, out var open))
            _openByCpu[entry.Header.Cpu] = open = [];
        open.Add(new OpenEntry(entry, sequence));
    }

    /// <summary>The entry this return closes, or null when the capture does not hold it.</summary>
    public OpenEntry? Returned(SwiotlbMapReturn returned)
    {
        if (_openByCpu.TryGetValue(returned.Header.Cpu, out var open) && open.Count > 0)
        {
            var entry = open[^1];
            open.RemoveAt(open.Count - 1);
            return entry;
        }
        UnpairedReturns++;
        return null;
    }

    /// <summary>The oldest open entry on <paramref name="cpu"/> for <paramref name="original"/> (a scatterlist maps its
    /// entries in order), taken out of the open calls; null when none is open.</summary>
    public OpenEntry? TakeOpen(int cpu, ulong original)
    {
        if (!_openByCpu.TryGetValue(cpu, out var open))
            return null;
        var at = open.FindIndex(open => open.Entry.OriginalAddress == original);
        if (at < 0)
            return null;
        var taken = open[at];
        open.RemoveAt(at);
        return taken;
    }

    /// <summary>Entries still waiting for their return: at the end of a capture, calls the kernel never returned from.</summary>
    public IEnumerable<OpenEntry> Unreturned() => _openByCpu.Values.SelectMany(open => open);

    /// <summary>The device name learnt for a <c>struct device</c> pointer.</summary>
    public string DeviceOf(ulong pointer) => _deviceByPointer.GetValueOrDefault(pointer, UnknownDevice);
}
