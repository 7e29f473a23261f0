using Swiotlb.Trace.Diff.Nvme;
using Swiotlb.Trace.Replay.Simulation;

namespace Swiotlb.Trace.Diff.Replaying;

/// <summary>
/// What the kernel's own answers show about each device, gathered in a pass over the capture before the models run:
/// whether a device keeps buffer offsets at all (its real min_align_mask), and whether an NVMe controller takes SGLs.
/// </summary>
public sealed class ObservedEvidence(NvmeDriverGeneration captureDriver) : IReplaySink
{
    /// <summary>Below the 2 KiB slot size every min_align_mask keeps the offset exactly: <c>offset = orig &amp; mask &amp; 0x7ff</c>.</summary>
    private const ulong BelowSlot = 0x7ff;

    private readonly Dictionary<string, (long WithOffset, long Kept)> _offsets = [];
    private readonly Dictionary<string, long> _sglOnlyCompletions = [];

    public void Mapping(ReplayedMapping mapping)
    {
        if (mapping.ObservedBounce is not { } bounce || (mapping.OriginalAddress & BelowSlot) == 0)
            return;
        var device = mapping.Record.DeviceName;
        var (withOffset, kept) = _offsets.GetValueOrDefault(device);
        _offsets[device] = (withOffset + 1, kept + (((bounce ^ mapping.OriginalAddress) & BelowSlot) == 0 ? 1 : 0));
    }

    /// <summary>A command that completed without error although the PRP path would have refused it or had it rejected:
    /// only an SGL can have carried it.</summary>
    public void Command(ReplayedCommand command)
    {
        if (command.Command.Completion is not { Status: 0 } || command.Command.QueueId == 0)
            return;
        var device = command.Command.Device;
        var check = CommandCheck.Of(command, s => s.ObservedBounce, new NvmeDataPath(captureDriver, NvmeController.AssumedPrpOnly));
        if (check.Verdict?.Outcome is PrpOutcome.DriverRejects or PrpOutcome.MisalignedEntry)
            _sglOnlyCompletions[device] = _sglOnlyCompletions.GetValueOrDefault(device) + 1;
    }

    /// <summary>Devices whose bounce addresses never kept an offset below 2 KiB, with how many mappings had one: whatever
    /// their type, the kernel gave them no min_align_mask.</summary>
    public IReadOnlyDictionary<string, long> DevicesWithoutMinAlignMask =>
        _offsets.Where(d => d.Value.Kept == 0).ToDictionary(d => d.Key, d => d.Value.WithOffset);

    /// <summary>Controllers that completed commands only an SGL could carry, with how many.</summary>
    public IReadOnlyDictionary<string, long> SglShownBy => _sglOnlyCompletions;
}
