using System.Numerics;
using Swiotlb.Trace.Replay.Allocator;
using Swiotlb.Trace.Replay.Records;

namespace Swiotlb.Trace.Replay.Inference;

/// <summary>
/// Infers the pool parameters a capture does not state from the kernel's own placements: an exact search over the few
/// geometries they allow (the start at a segment phase no placement crosses, just below the lowest bounce address or
/// below the area its CPU maps into; the slot counts the kernel can size that hold every placement; the area counts the
/// CPUs seen allow), each scored by replaying the capture's first records through the model. The geometry that
/// leaves the fewest mismatches wins; among equals, the one needing the fewest assumptions (the default pool, one area
/// per CPU seen, the highest start).
/// </summary>
public static class PoolInference
{
    /// <summary>Records replayed to rank the segment phases before the full search.</summary>
    private const int PhaseScoringRecords = 256;

    /// <summary>Phases searched in full, the best-ranked first.</summary>
    private const int PhasesKept = 2;

    /// <summary>Phases ranked, and candidates scored, by a quick look.</summary>
    private const int QuickLookPhases = 8, QuickLookCandidates = 4;

    /// <summary>Orders tried per group of overlapping records while scoring: enough for the usual small groups.</summary>
    public const int OrdersPerGroup = 6;

    /// <summary>A candidate mismatching more than this share of the records scored has lost whatever comes after:
    /// scoring stops there, so that hopeless candidates (a capture whose devices' masks are unknown) cost little.</summary>
    private const int HopelessShare = 4;

    /// <param name="recordLimit">Score on at most this many of the prefix's records.</param>
    /// <param name="quickLook">Search only the best-ranked phases (for ranking generations, where a wrong generation
    /// would otherwise send every search to its widest).</param>
    public static InferredPool? Infer(KernelGeneration generation, CapturePrefix prefix, StatedPool stated, int pageSize,
        int recordLimit = CapturePrefix.MaxRecords, bool quickLook = false)
    {
        if (stated.IsComplete || prefix.Placements.Count == 0)
            return null;
        int records = Math.Min(recordLimit, prefix.Records.Count);
        var space = new GeometrySpace(generation, prefix, stated, pageSize);
        var scorer = new GeometryScorer(generation, prefix.Records);
        IReadOnlyList<ulong> phases = space.Phases.Count > 1
            ? RankPhases(space, scorer, Math.Min(records, PhaseScoringRecords), quickLook ? QuickLookPhases : space.Phases.Count)
            : space.Phases;
        var scored = Search(space.Candidates(phases.Take(PhasesKept).ToList()).Take(quickLook ? QuickLookCandidates : int.MaxValue), scorer, records);
        if (scored.Count == 0)
            return null;
        var best = scored.MinBy(s => s.Key)!;
        if (!quickLook && best.Mismatches > 0 && phases.Count > PhasesKept)
        {
            var fixedCounts = stated with { Slots = best.Geometry.SlotCount, Areas = best.Geometry.AreaCount };
            var wider = new GeometrySpace(generation, prefix, fixedCounts, pageSize);
            scored.AddRange(Search(wider.Candidates(phases.Skip(PhasesKept).ToList()), scorer, records));
            best = scored.MinBy(s => s.Key)!;
        }
        var runnerUp = scored.Where(s => s.Geometry != best.Geometry).MinBy(s => s.Key);
        return new InferredPool(
            stated.Start is null ? best.Geometry.StartAddress : null,
            stated.Slots is null ? best.Geometry.SlotCount : null,
            stated.Areas is null ? best.Geometry.AreaCount : null,
            best.Explained, best.Predicted,
            $"{Describe(best.Geometry)} {Verdict(best, records)}; " +
            $"{scored.Count} geometries scored; {space.Phases.Count} of {SegmentPhases.SegmentBytes / (ulong)pageSize} page-aligned segment phases fit every placement " +
            $"(equals: the most aligned start, then the highest); lowest bounce address 0x{space.Lowest:x}, highest end 0x{space.HighestEnd:x}; " +
            $"{prefix.CpusSeen} CPU(s) seen mapping",
            runnerUp is null ? null : $"{Describe(runnerUp.Geometry)} {runnerUp.Figure}");
    }

    private static string Verdict(ScoredGeometry best, int records) => best.GaveUp
        ? $"mismatches more than a quarter of the mappings of the first {records} records, as every candidate does (nothing fits: are the devices' min_align_masks known?)"
        : $"explains {best.Explained} of {best.Predicted} predicted mappings of the first {records} records";

    public static string Describe(PoolGeometry geometry) =>
        $"start 0x{geometry.StartAddress:x}, {geometry.SlotCount} slots, {geometry.AreaCount} area(s)";

    /// <summary>Scores the candidates in order until one explains every mapping and one more (the runner-up) has been
    /// scored: a later candidate can then only tie, and the earlier is the likelier.</summary>
    private static List<ScoredGeometry> Search(IEnumerable<PoolGeometry> candidates, GeometryScorer scorer, int records)
    {
        var scored = new List<ScoredGeometry>();
        bool perfect = false;
        foreach (PoolGeometry candidate in candidates)
        {
            var score = scorer.Score(candidate, records);
            scored.Add(score);
            if (perfect)
                break;
            perfect = score.Mismatches == 0;
        }
        return scored;
    }

    /// <summary>The fitting phases ordered by how well each explains the first records under its likeliest slot and
    /// area counts (the space's preference among equals). Once <see cref="PhasesKept"/> phases explain every one of
    /// those records, the rest can only tie and stay behind them, unscored; so do those past <paramref name="phasesScored"/>.</summary>
    private static IReadOnlyList<ulong> RankPhases(GeometrySpace space, GeometryScorer scorer, int records, int phasesScored)
    {
        var ranked = new List<(ulong Phase, ScoredGeometry Score)>();
        var unscored = new List<ulong>();
        foreach (ulong phase in space.Phases)
        {
            if (ranked.Count >= phasesScored || ranked.Count(r => r.Score.Mismatches == 0) >= PhasesKept)
                unscored.Add(phase);
            else if (space.Candidates([phase]).FirstOrDefault() is { } likeliest)
                ranked.Add((phase, scorer.Score(likeliest, records)));
        }
        return [.. ranked.OrderBy(r => r.Score.Mismatches).ThenBy(r => r.Score.Rank).Select(r => r.Phase), .. unscored];
    }

    /// <summary>Every geometry the placements and the statements allow, likeliest first.</summary>
    private sealed class GeometrySpace
    {
        private readonly KernelGeneration generation;
        private readonly CapturePrefix prefix;
        private readonly StatedPool stated;
        private readonly int pageSize;

        public GeometrySpace(KernelGeneration generation, CapturePrefix prefix, StatedPool stated, int pageSize)
        {
            (this.generation, this.prefix, this.stated, this.pageSize) = (generation, prefix, stated, pageSize);
            Lowest = prefix.Placements.Min(p => p.BounceAddress) & ~(ulong)(pageSize - 1);
            HighestEnd = prefix.Placements.Max(p => p.End);
            Phases = stated.Start is { } start
                ? [start % SegmentPhases.SegmentBytes]
                : [.. SegmentPhases.Fitting(SegmentPhases.Crossings(prefix.Placements, pageSize), pageSize)
                    .OrderByDescending(phase => phase == 0 ? 64 : BitOperations.TrailingZeroCount(phase))
                    .ThenByDescending(phase => SegmentPhases.HighestAtPhase(Lowest, phase) ?? 0)];
        }

        public ulong Lowest { get; }

        public ulong HighestEnd { get; }

        /// <summary>Phases no placement crosses, the most aligned first (a boot allocation's likeliest), then the one
        /// giving the highest start.</summary>
        public IReadOnlyList<ulong> Phases { get; }

        public IEnumerable<PoolGeometry> Candidates(IReadOnlyList<ulong> phases)
        {
            var seen = new HashSet<PoolGeometry>();
            foreach (ulong phase in phases)
            {
                if (SegmentPhases.HighestAtPhase(Lowest, phase) is not { } highestStart)
                    continue;
                foreach (int areas in AreaCounts())
                    foreach (int slots in SlotCounts(areas, highestStart))
                        foreach (ulong start in Starts(phase, slots, areas))
                            if (Holds(start, slots, areas) && seen.Add(new PoolGeometry(start, slots, areas, pageSize)))
                                yield return new PoolGeometry(start, slots, areas, pageSize);
            }
        }

        /// <summary>Whether the kernel could have such a pool and it holds every placement.</summary>
        private bool Holds(ulong start, int slots, int areas) =>
            PoolGeometry.RefuseSlotCount(slots) is null && PoolGeometry.RefuseAreaCount(areas) is null && slots % areas == 0
            && start <= PoolGeometry.HighestStart && start + ((ulong)slots << Slots.Shift) >= HighestEnd;

        /// <summary>The stated count; else one area per CPU seen (rounded up to a power of two), and twice that (CPUs
        /// that never mapped).</summary>
        private IEnumerable<int> AreaCounts()
        {
            if (!generation.HasAreas)
                return [1];
            if (stated.Areas is { } areas)
                return [areas];
            int perCpu = (int)BitOperations.RoundUpToPowerOf2((uint)Math.Clamp(prefix.CpusSeen, 1, PoolGeometry.MaxAreaCount));
            return new[] { perCpu, perCpu * 2 }.Where(a => a <= PoolGeometry.MaxAreaCount);
        }

        /// <summary>The stated count; else the default pool and the smallest pools this kernel can size that hold every
        /// placement from <paramref name="highestStart"/>.</summary>
        private IEnumerable<int> SlotCounts(int areas, ulong highestStart)
        {
            if (stated.Slots is { } slots)
                return [slots];
            long needed = (long)((HighestEnd - highestStart + Slots.OffsetMask) >> Slots.Shift);
            long power = (long)BitOperations.RoundUpToPowerOf2((ulong)Math.Max(needed, (long)Slots.SegmentSlots * areas));
            long aligned = (long)Slots.AlignUp((int)Math.Min(needed, PoolGeometry.MaxSlotCount), Slots.SegmentSlots * areas);
            IEnumerable<long> sizable = generation.HasAreas
                ? [power, power * 2]
                : [aligned, aligned + Slots.SegmentSlots, aligned + 2 * Slots.SegmentSlots, power, power * 2];
            return new long[] { PoolGeometry.DefaultSlotCount }.Where(d => d >= needed).Concat(sizable)
                .Where(s => PoolGeometry.RefuseSlotCount(s) is null && s % areas == 0 && s / areas >= Slots.SegmentSlots)
                .Select(s => (int)s).Distinct();
        }

        /// <summary>The stated start; else the highest start at the phase below the lowest bounce address, and below the
        /// lowest address each CPU mapped less the start of the area it maps into first.</summary>
        private IEnumerable<ulong> Starts(ulong phase, int slots, int areas)
        {
            if (stated.Start is { } start)
                return [start];
            ulong areaBytes = (ulong)(slots / areas) << Slots.Shift;
            ulong byArea = Lowest;
            foreach (ObservedPlacement placement in prefix.Placements)
            {
                ulong home = (ulong)(placement.Cpu & (areas - 1)) * areaBytes;
                if (placement.BounceAddress >= home)
                    byArea = Math.Min(byArea, (placement.BounceAddress - home) & ~(ulong)(pageSize - 1));
            }
            return new[] { SegmentPhases.HighestAtPhase(Lowest, phase), SegmentPhases.HighestAtPhase(byArea, phase) }
                .OfType<ulong>().Distinct();
        }
    }

    /// <summary>Scores geometries in the order tried, giving up on one as soon as it has more mismatches than the best
    /// scored on as many records (it cannot win: the search is exact, only the loser's figure is partial).</summary>
    private sealed class GeometryScorer(KernelGeneration generation, IReadOnlyList<ReplayRecord> records)
    {
        private readonly Dictionary<int, int> fewestMismatches = [];
        private int rank;

        public ScoredGeometry Score(PoolGeometry geometry, int recordCount)
        {
            int limit = fewestMismatches.GetValueOrDefault(recordCount, Math.Max(8, recordCount / HopelessShare));
            var result = PrefixReplay.Run(generation, geometry, records, recordCount, OrdersPerGroup, limit);
            if (!result.GaveUp)
                fewestMismatches[recordCount] = Math.Min(limit, result.Mismatches);
            return new ScoredGeometry(geometry, result.Mismatches, result.Adopted, result.Predicted, result.GaveUp, rank++);
        }
    }

    /// <summary>One geometry's result; <see cref="Key"/> orders those scored to the end first, then fewest mismatches,
    /// then fewest adopted mappings (fewer areas to synchronise), then the order tried (likeliest first).</summary>
    private sealed record ScoredGeometry(PoolGeometry Geometry, int Mismatches, int Adopted, int Predicted, bool GaveUp, int Rank)
    {
        public int Explained => Predicted - Mismatches;

        public string Figure => GaveUp ? $"at least {Mismatches} mismatches (scoring stopped once it fell behind)" : $"explains {Explained} of {Predicted}";

        /// <summary>Candidates scored to the end before those given up on (hopeless all, they are told apart only by the
        /// order tried).</summary>
        public (bool, int, int, int) Key => (GaveUp, GaveUp ? 0 : Mismatches, Adopted, Rank);
    }
}
