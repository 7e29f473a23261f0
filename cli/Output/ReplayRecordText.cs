using Swiotlb.Trace.Replay.Allocator;
using Swiotlb.Trace.Replay.Pairing;
using Swiotlb.Trace.Replay.Records;
using Swiotlb.Trace.Replay.Validation;

namespace Swiotlb.Trace.Cli.Output;

/// <summary>How the validate report names records, answers and verdicts in words.</summary>
public static class ReplayRecordText
{
    /// <summary><c>7.916278000 s  CPU 0  0000:00:04.0  map orig 0x9e3d800, 128 KiB (0x20000)</c>.</summary>
    public static string Event(ReplayRecord record) => record switch
    {
        MapRecord map => $"{Figures.Seconds(map.Window.Start)} s  CPU {map.Request.Cpu}  {map.DeviceName}  map orig {Figures.Hex(map.Request.OriginalAddress)}, {Figures.Size(map.Request.MappingSize)}",
        UnmapRecord unmap => $"{Figures.Seconds(unmap.Window.Start)} s  {unmap.DeviceName}  unmap {Figures.Hex(unmap.Request.BounceAddress)}, {Figures.Size(unmap.Request.MappingSize)}{(unmap.Evidence == UnmapEvidence.Recovered ? " (probe lost; recovered)" : "")}",
        _ => record.ToString(),
    };

    /// <summary>The model's answer: an address with its slot and area, or the failure.</summary>
    public static string Answer(in MapResult result, PoolGeometry pool) => result.IsMapped
        ? $"{Figures.Hex(result.Allocation.BounceAddress)} (slot {SlotOf(result.Allocation.BounceAddress, pool)}, area {result.Allocation.Area})"
        : Failure(result);

    /// <summary>A failed or endless answer in words.</summary>
    public static string Failure(in MapResult result) => result.Outcome switch
    {
        MapOutcome.PoolFull => "failure: too few free slots in every area",
        MapOutcome.NoFit => "failure: free slots, but no run that fits",
        MapOutcome.EndlessSearch => $"endless search in area {result.Endless.Area}",
        _ => result.Outcome.ToString(),
    };

    /// <summary>The kernel's answer as the capture shows it.</summary>
    public static string Answer(in ObservedMap observed, PoolGeometry pool) => observed.Kind switch
    {
        ObservedKind.Mapped when pool.Contains(observed.BounceAddress) =>
            $"{Figures.Hex(observed.BounceAddress)} (slot {SlotOf(observed.BounceAddress, pool)}, area {SlotOf(observed.BounceAddress, pool) / pool.AreaSlotCount})",
        ObservedKind.Mapped => $"{Figures.Hex(observed.BounceAddress)} (outside the pool)",
        ObservedKind.Failed => "failure (DMA_MAPPING_ERROR)",
        _ => "never returned",
    };

    public static string Verdict(RecordVerdict verdict) => verdict switch
    {
        RecordVerdict.Adopted => "adopted (first in its area)",
        RecordVerdict.Matched => "matched",
        RecordVerdict.MatchedAfterRecovery => "matched after recovering lost unmaps",
        RecordVerdict.Mismatched => "MISMATCH",
        RecordVerdict.Unreturned => "never returned",
        RecordVerdict.Released => "released",
        RecordVerdict.Ignored => "ignored: mapping never seen",
        _ => verdict.ToString(),
    };

    public static string Evidence(DeviceEvidence evidence) => evidence switch
    {
        DeviceEvidence.Declared => "declared (--device, or the NVMe driver's 'pci function' line in dmesg)",
        DeviceEvidence.CarriesNvmeCommands => "its mappings carried NVMe commands' data",
        DeviceEvidence.MapsOutsideNvmeCommands => "it mapped buffers outside any NVMe command",
        DeviceEvidence.Assumed => "nothing told: assumed",
        DeviceEvidence.ProbedMask => "read by the map probe (mam=): the kernel's own value",
        DeviceEvidence.ObservedWithoutMinAlignMask => "its bounce addresses never kept a buffer offset: the kernel set no min_align_mask",
        _ => evidence.ToString(),
    };

    public static int SlotOf(ulong address, PoolGeometry pool) => (int)((address - pool.StartAddress) >> Slots.Shift);
}
