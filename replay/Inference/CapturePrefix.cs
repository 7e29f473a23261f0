using Swiotlb.Trace.Replay.Records;

namespace Swiotlb.Trace.Replay.Inference;

/// <summary>One mapping the kernel placed: its bounce address, size and the CPU that asked.</summary>
public readonly record struct ObservedPlacement(ulong BounceAddress, ulong Size, int Cpu)
{
    /// <summary>The first byte past the mapping.</summary>
    public ulong End => BounceAddress + Size;
}

/// <summary>The records a capture starts with, held (at most <see cref="MaxRecords"/>) to infer what the capture does
/// not state: the pool's geometry and the kernel generation. Memory stays bounded whatever the capture's size.</summary>
public sealed class CapturePrefix
{
    /// <summary>Records held: enough to see each area fill and wrap on a small pool, few enough that scoring every
    /// candidate costs less than one replay of a large capture.</summary>
    public const int MaxRecords = 4096;

    private readonly List<ReplayRecord> records = [];
    private readonly List<ObservedPlacement> placements = [];

    public IReadOnlyList<ReplayRecord> Records => records;

    /// <summary>The kernel's successful placements among <see cref="Records"/>, in record order.</summary>
    public IReadOnlyList<ObservedPlacement> Placements => placements;

    public bool IsFull => records.Count >= MaxRecords;

    /// <summary>The highest CPU number that mapped, plus one: a lower bound of the possible CPUs.</summary>
    public int CpusSeen { get; private set; }

    /// <summary>Which events showed the mappings (the first mapping's evidence).</summary>
    public MapEvidence? Evidence { get; private set; }

    /// <summary>Keeps <paramref name="record"/> while there is room; returns whether it was kept.</summary>
    public bool Add(ReplayRecord record)
    {
        if (IsFull)
            return false;
        records.Add(record);
        if (record is MapRecord map)
        {
            Evidence ??= map.Evidence;
            CpusSeen = Math.Max(CpusSeen, map.Request.Cpu + 1);
            if (map.Observed.Kind == ObservedKind.Mapped && map.Request.MappingSize > 0)
                placements.Add(new ObservedPlacement(map.Observed.BounceAddress, map.Request.MappingSize, map.Request.Cpu));
        }
        return true;
    }
}
