using Swiotlb.Trace.Capture;

namespace Swiotlb.Trace.Replay.Allocator;

/// <summary>Pool parameters the user set on the command line; each wins over what the capture says.</summary>
public sealed record PoolOverrides(ulong? Start = null, int? Slots = null, int? Areas = null, int? PageSize = null);

/// <summary>A pool geometry and, for each parameter, where it came from — reports print both.</summary>
/// <param name="StartIsNominal">Nothing gave the pool's start: offsets are exact, absolute bounce addresses are not.</param>
public sealed record PoolGeometryChoice(PoolGeometry Geometry, IReadOnlyList<string> Sources, bool StartIsNominal = false)
{
    /// <summary>What the capture's own placements showed of the parameters nothing stated, or null when all were stated.</summary>
    public InferredPool? Inference { get; init; }
}

/// <summary>
/// Sizes the pool a replay runs on (DOMAIN §3): start from the command line, a <c>pool=</c> kprobe argument or dmesg;
/// nslabs from dmesg's mapped range, <c>swiotlb=N</c>, or 32768 when the kernel command line is known; nareas (6.0+)
/// from dmesg's <c>area num</c>, <c>swiotlb=N,M</c> or the possible CPUs. What none of these states comes from the
/// capture's own placements when an inference is given (<c>Replay.Inference</c>), else from defaults: a nominal start
/// (offset results do not depend on it), 32768 slots, one area.
/// </summary>
public static class PoolGeometryResolver
{
    /// <summary>Where the pool is assumed to start when nothing tells: page aligned, below 4 GiB like a real default pool.</summary>
    public const ulong NominalStart = 0x4000_0000;

    /// <summary>The x86-64 page size, unless the command line says otherwise.</summary>
    public const int DefaultPageSize = 4096;

    /// <summary>What the command line, the capture and the kernel's boot facts state, each parameter null where none does.</summary>
    public static StatedPool Stated(KernelGeneration generation, KernelFacts facts, ulong? observedPoolStart, int? declaredCpus, PoolOverrides overrides) =>
        Decide(generation, facts, observedPoolStart, declaredCpus, overrides, inferred: null, sources: null).Stated;

    public static PoolGeometryChoice Resolve(KernelGeneration generation, KernelFacts facts, ulong? observedPoolStart, int? declaredCpus, PoolOverrides overrides,
        InferredPool? inferred = null)
    {
        var sources = new List<string>();
        var (geometry, stated) = Decide(generation, facts, observedPoolStart, declaredCpus, overrides, inferred, sources);
        return new PoolGeometryChoice(geometry, sources, stated.Start is null && inferred?.Start is null) { Inference = inferred };
    }

    /// <summary>Each parameter from the first source that gives it, stated ones before inferred ones before defaults.</summary>
    private static (PoolGeometry Geometry, StatedPool Stated) Decide(KernelGeneration generation, KernelFacts facts, ulong? observedPoolStart, int? declaredCpus,
        PoolOverrides overrides, InferredPool? inferred, List<string>? sources)
    {
        sources ??= [];
        var statedStart = overrides.Start ?? observedPoolStart ?? facts.PoolStart;
        var start = Pick(sources, "start", (overrides.Start, "command line"), (observedPoolStart, "pool= kprobe argument"),
            (facts.PoolStart, "dmesg"), (inferred?.Start, "inferred from the bounce addresses"), (NominalStart, "nominal: the capture does not say"));
        var (requestedSlots, requestedAreas) = facts.SwiotlbParameter();
        requestedSlots = requestedSlots is { } asked ? Math.Clamp(asked, 1, PoolGeometry.MaxSlotCount) : null;
        requestedAreas = requestedAreas is { } askedAreas ? Math.Clamp(askedAreas, 1, PoolGeometry.MaxAreaCount) : null;
        int? knownCpus = (facts.PossibleCpus ?? declaredCpus) is { } counted ? Math.Clamp(counted, 1, PoolGeometry.MaxAreaCount) : null;
        var cpus = knownCpus ?? 1;
        var (sizedSlots, sizedAreas) = generation.HasAreas
            ? PoolSizing.WithAreas(requestedSlots, requestedAreas, cpus)
            : PoolSizing.BeforeAreas(requestedSlots);
        var commandLineSizes = requestedSlots is not null || facts.CommandLine is not null;
        var statedSlots = overrides.Slots ?? SlotsOfMappedRange(facts.PoolBytes, sources) ?? (commandLineSizes ? sizedSlots : null);
        var slots = Pick(sources, "slots", (overrides.Slots, "command line"),
            (SlotsOfMappedRange(facts.PoolBytes, null), "dmesg mapped range"),
            (requestedSlots is null ? null : sizedSlots, "swiotlb= on the kernel command line"),
            (commandLineSizes ? sizedSlots : null, "default 64 MiB pool"), (inferred?.Slots, "inferred from the bounce addresses"),
            (sizedSlots, "default 64 MiB pool: the capture does not say"));
        if (overrides.Areas is { } areasAsked && slots % areasAsked != 0)
            throw new PoolOptionException($"--areas {areasAsked} does not divide the pool: {sources[^1]}; expected a power of two that divides its slots");
        int? dmesgAreas = facts.AreaCount is { } dmesgCount && PoolGeometry.RefuseAreaCount(dmesgCount) is null && slots % dmesgCount == 0 ? dmesgCount : null;
        int? sizedFromStatement = requestedAreas is not null || knownCpus is not null ? sizedAreas : null;
        var statedAreas = generation.HasAreas ? overrides.Areas ?? dmesgAreas ?? sizedFromStatement : 1;
        var areas = generation.HasAreas
            ? Pick(sources, "areas", (overrides.Areas, "command line"), (dmesgAreas, "dmesg area num"),
                (sizedFromStatement, requestedAreas is null ? $"{cpus} possible CPUs rounded up to a power of two" : "swiotlb=N,M"),
                (inferred?.Areas is { } inferredAreas && slots % inferredAreas == 0 ? inferredAreas : null, "inferred from the bounce addresses"),
                (sizedAreas, "one CPU assumed: the capture does not say how many"))
            : Pick(sources, "areas", ((int?)1, "one lock before 6.0"));
        var page = Pick(sources, "page size", (overrides.PageSize, "command line"), ((int?)DefaultPageSize, "x86-64"));
        return (new PoolGeometry(start, slots, areas, page), new StatedPool(statedStart, statedSlots, statedAreas));
    }

    /// <summary>The slots of dmesg's <c>mapped [mem A-B]</c>, or null (noted in the sources) when no pool can be that large.</summary>
    private static int? SlotsOfMappedRange(ulong? bytes, List<string>? sources)
    {
        if (bytes is not { } size)
            return null;
        var slots = size >> Slots.Shift;
        if (slots <= PoolGeometry.MaxSlotCount && (size & Slots.OffsetMask) == 0 && PoolGeometry.RefuseSlotCount((long)slots) is null)
            return (int)slots;
        sources?.Add($"dmesg mapped range of {size} bytes ignored (expected a pool of whole segments, at most 4 GiB)");
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
