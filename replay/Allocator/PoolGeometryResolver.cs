using Swiotlb.Trace.Capture;

namespace Swiotlb.Trace.Replay.Allocator;

/// <summary>Pool parameters the user set on the command line; each wins over what the capture says.</summary>
public sealed record PoolOverrides(ulong? Start = null, int? Slots = null, int? Areas = null, int? PageSize = null);

/// <summary>A pool geometry and, for each parameter, where it came from — reports print both.</summary>
/// <param name="StartIsNominal">Nothing gave the pool's start: offsets are exact, absolute bounce addresses are not.</param>
public sealed record PoolGeometryChoice(PoolGeometry Geometry, IReadOnlyList<string> Sources, bool StartIsNominal = false);

/// <summary>
/// Sizes the pool a replay runs on (DOMAIN §3): start from the command line, a <c>pool=</c> kprobe argument or dmesg,
/// else a nominal base (offset results do not depend on it); nslabs from dmesg's mapped range or <c>swiotlb=N</c>, else
/// 32768; nareas (6.0+) from dmesg's <c>area num</c>, <c>swiotlb=N,M</c> or the possible CPUs.
/// </summary>
public static class PoolGeometryResolver
{
    /// <summary>Where the pool is assumed to start when nothing tells: page aligned, below 4 GiB like a real default pool.</summary>
    public const ulong NominalStart = 0x4000_0000;

    public static PoolGeometryChoice Resolve(KernelGeneration generation, KernelFacts facts, ulong? observedPoolStart, int? declaredCpus, PoolOverrides overrides)
    {
        var sources = new List<string>();
        var start = Pick(sources, "start", (overrides.Start, "command line"), (observedPoolStart, "pool= kprobe argument"),
            (facts.PoolStart, "dmesg"), (NominalStart, "nominal: the capture does not say"));
        var (requestedSlots, requestedAreas) = facts.SwiotlbParameter();
        requestedSlots = requestedSlots is { } asked ? Math.Clamp(asked, 1, PoolGeometry.MaxSlotCount) : null;
        requestedAreas = requestedAreas is { } askedAreas ? Math.Clamp(askedAreas, 1, PoolGeometry.MaxAreaCount) : null;
        var cpus = Math.Clamp(facts.PossibleCpus ?? declaredCpus ?? 1, 1, PoolGeometry.MaxAreaCount);
        var (sizedSlots, sizedAreas) = generation.HasAreas
            ? PoolSizing.WithAreas(requestedSlots, requestedAreas, cpus)
            : PoolSizing.BeforeAreas(requestedSlots);
        var slots = Pick(sources, "slots", (overrides.Slots, "command line"),
            (SlotsOfMappedRange(facts.PoolBytes, sources), "dmesg mapped range"),
            (requestedSlots is null ? null : sizedSlots, "swiotlb= on the kernel command line"), (sizedSlots, "default 64 MiB pool"));
        var areas = generation.HasAreas
            ? Pick(sources, "areas", (overrides.Areas, "command line"),
                (facts.AreaCount is { } dmesgAreas && PoolGeometry.RefuseAreaCount(dmesgAreas) is null && slots % dmesgAreas == 0 ? dmesgAreas : null, "dmesg area num"),
                (sizedAreas, requestedAreas is null ? $"{cpus} possible CPUs rounded up to a power of two" : "swiotlb=N,M"))
            : Pick(sources, "areas", ((int?)1, "one lock before 6.0"));
        var page = Pick(sources, "page size", (overrides.PageSize, "command line"), ((int?)4096, "x86-64"));
        var nominal = (overrides.Start ?? observedPoolStart ?? facts.PoolStart) is null;
        return new PoolGeometryChoice(new PoolGeometry(start, slots, areas, page), sources, nominal);
    }

    /// <summary>The slots of dmesg's <c>mapped [mem A-B]</c>, or null (noted in the sources) when no pool can be that large.</summary>
    private static int? SlotsOfMappedRange(ulong? bytes, List<string> sources)
    {
        if (bytes is not { } size)
            return null;
        var slots = size >> Slots.Shift;
        if (slots <= PoolGeometry.MaxSlotCount && (size & Slots.OffsetMask) == 0 && PoolGeometry.RefuseSlotCount((long)slots) is null)
            return (int)slots;
        sources.Add($"dmesg mapped range of {size} bytes ignored (expected a pool of whole segments, at most 4 GiB)");
        return null;
    }

    private static T Pick<T>(List<string> sources, string name, params (T? Value, string Source)[] candidates) where T : struct
    {
        foreach (var (value, source) in candidates)
        {
            if (value is { } chosen)
            {
                sources.Add($"{name} {Describe(chosen)} ({source})");
                return chosen;
            }
        }
        throw new InvalidOperationException($"no candidate for {name}");
    }

    private static string Describe<T>(T value) where T : struct => value is ulong address ? $"0x{address:x}" : $"{value}";
}
