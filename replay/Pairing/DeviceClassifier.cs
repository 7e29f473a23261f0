using Swiotlb.Trace.Capture;
using Swiotlb.Trace.Events;
using Swiotlb.Trace.Replay.Allocator;

namespace Swiotlb.Trace.Replay.Pairing;

/// <summary>How swiotrace came to a device's DMA parameters.</summary>
public enum DeviceEvidence
{
    /// <summary>The user said so (<c>--device NAME=MASK</c>) or the kernel log named it (<c>nvme nvme0: pci function …</c>).</summary>
    Declared,
    /// <summary>Its mappings carried an NVMe command's data.</summary>
    CarriesNvmeCommands,
    /// <summary>It mapped buffers outside any NVMe command: not the NVMe controller, so no min_align_mask.</summary>
    MapsOutsideNvmeCommands,
    /// <summary>Nothing told: assumed to have no min_align_mask.</summary>
    Assumed,
    /// <summary>Its bounce addresses, from the capture, never kept a buffer offset: the kernel gave it no min_align_mask,
    /// whatever its type (an NVMe driver built without <c>dma_set_min_align_mask</c>, or one from before the fix).</summary>
    ObservedWithoutMinAlignMask,
    /// <summary>A block device seen only in block requests: NVMe (0xfff) assumed for major 259 (blkext), no mask otherwise.</summary>
    BlockMajor,
    /// <summary>The map kprobe read the device's live <c>min_align_mask</c> (<c>mam=</c>): the kernel's own value.</summary>
    ProbedMask,
}

/// <summary>
/// Decides each device's <c>min_align_mask</c> and segment boundary (DOMAIN §3: 0xfff for NVMe PCI functions, 0 otherwise),
/// from what the user declared, else from what the capture shows the device doing.
/// </summary>
public sealed class DeviceClassifier(IReadOnlyDictionary<string, DeviceDmaParameters> declared)
{
    private readonly Dictionary<string, (DeviceDmaParameters Parameters, DeviceEvidence Evidence)> _known =
        declared.ToDictionary(p => p.Key, p => (p.Value, DeviceEvidence.Declared));
    private readonly HashSet<string> _namedByKernelLog = [];

    /// <summary>blkext, the block major NVMe namespaces get (also used by other drivers' extended minors).</summary>
    public const int BlkextMajor = 259;

    public DeviceClassifier() : this(new Dictionary<string, DeviceDmaParameters>()) { }

    /// <summary>Devices the user declared, plus the PCI functions the kernel log shows the NVMe driver bound.</summary>
    public static DeviceClassifier From(IReadOnlyDictionary<string, DeviceDmaParameters> declared, KernelFacts facts)
    {
        var classifier = new DeviceClassifier(declared);
        foreach (var function in facts.NvmeFunctions ?? [])
            if (classifier._known.TryAdd(function, (DeviceDmaParameters.Nvme, DeviceEvidence.Declared)))
                classifier._namedByKernelLog.Add(function);
        return classifier;
    }

    public bool IsKnown(string device) => _known.ContainsKey(device);

    public DeviceDmaParameters ParametersOf(string device) => _known[device].Parameters;

    public IReadOnlyDictionary<string, (DeviceDmaParameters Parameters, DeviceEvidence Evidence)> Known => _known;

    public void CarriesNvmeCommands(string device) => _known.TryAdd(device, (DeviceDmaParameters.Nvme, DeviceEvidence.CarriesNvmeCommands));

    public void MapsOutsideNvmeCommands(string device) =>
        _known.TryAdd(device, (DeviceDmaParameters.WithoutMinAlignMask, DeviceEvidence.MapsOutsideNvmeCommands));

    /// <summary>Gives a device that the capture shows kept no offsets mask 0 (the caller leaves out what the user declared).</summary>
    public void ObservedWithoutMinAlignMask(string device)
    {
        var parameters = _known.TryGetValue(device, out var known) ? known.Parameters : DeviceDmaParameters.WithoutMinAlignMask;
        _known[device] = (parameters with { MinAlignMask = 0 }, DeviceEvidence.ObservedWithoutMinAlignMask);
    }

    /// <summary>Decides a device seen only through block requests of <paramref name="block"/>, unless it is already known.</summary>
    public void AssumeFromBlockMajor(string device, DeviceNumber block) =>
        _known.TryAdd(device, (block.Major == BlkextMajor ? DeviceDmaParameters.Nvme : DeviceDmaParameters.WithoutMinAlignMask, DeviceEvidence.BlockMajor));

    /// <summary>
    /// The kernel's own mask, read by the map probe: wins over everything but the user's <c>--device</c> (the kernel log names
    /// the NVMe functions, not the mask a rebuilt driver set). The first reading counts.
    /// </summary>
    public void ProbedMask(string device, ulong minAlignMask)
    {
        var isKnown = _known.TryGetValue(device, out var known);
        if (isKnown && (known.Evidence == DeviceEvidence.ProbedMask
            || (known.Evidence == DeviceEvidence.Declared && !_namedByKernelLog.Contains(device))))
        {
            return;
        }
        var parameters = isKnown ? known.Parameters : DeviceDmaParameters.WithoutMinAlignMask;
        _known[device] = (parameters with { MinAlignMask = minAlignMask }, DeviceEvidence.ProbedMask);
    }

    /// <summary>Gives every device still undecided the default: no min_align_mask.</summary>
    public void Assume(string device) => _known.TryAdd(device, (DeviceDmaParameters.WithoutMinAlignMask, DeviceEvidence.Assumed));
}
