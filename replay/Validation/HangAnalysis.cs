using Swiotlb.Trace.Replay.Allocator;

namespace Swiotlb.Trace.Replay.Validation;

/// <summary>Why a mapping may never have returned, judged from the model's answer in the reconstructed state.</summary>
public enum UnreturnedCause
{
    /// <summary>The search never ends: the CPU spins forever holding the area's lock. The hang itself.</summary>
    EndlessSearch,

    /// <summary>Inferred, not seen: the search would take the lock of an area another CPU spins in before it could
    /// finish (every failing search takes each area's lock in turn), so it waits there forever.</summary>
    WaitingForSpinningCpu,

    /// <summary>The search fails cleanly and meets no spinning CPU: the kernel should have returned an error.</summary>
    WouldHaveFailed,

    /// <summary>The model finds slots before reaching any spinning CPU's area: the capture was probably cut short.</summary>
    WouldHaveReturned,
}

/// <summary>One mapping the kernel never returned from, with its probable cause.</summary>
/// <param name="BlockingCpu">For <see cref="UnreturnedCause.WaitingForSpinningCpu"/>: the CPU spinning with the lock.</param>
/// <param name="BlockingArea">For <see cref="UnreturnedCause.WaitingForSpinningCpu"/>: the area whose lock it holds.</param>
public sealed record UnreturnedDiagnosis(UnreturnedMapping Mapping, UnreturnedCause Cause, int? BlockingCpu = null, int? BlockingArea = null);

/// <summary>Explains the mappings a capture ends inside: which CPU spins in an endless search, and which CPUs
/// presumably wait behind it.</summary>
public static class HangAnalysis
{
    public static IReadOnlyList<UnreturnedDiagnosis> Diagnose(IReadOnlyList<UnreturnedMapping> unreturned, int areaCount)
    {
        var spinning = unreturned.Where(u => u.Predicted.Outcome == MapOutcome.EndlessSearch).ToList();
        return [.. unreturned.Select(u => Diagnose(u, spinning, areaCount))];
    }

    private static UnreturnedDiagnosis Diagnose(UnreturnedMapping mapping, List<UnreturnedMapping> spinning, int areaCount)
    {
        MapResult predicted = mapping.Predicted;
        if (predicted.Outcome == MapOutcome.EndlessSearch)
            return new(mapping, UnreturnedCause.EndlessSearch);
        int cpu = mapping.Record.Request.Cpu;
        int firstArea = cpu & (areaCount - 1);
        int lastAreaTried = predicted.IsMapped ? predicted.Allocation.Area : (firstArea + areaCount - 1) % areaCount;
        UnreturnedMapping? blocker = spinning
            .Where(s => s.Record.Request.Cpu != cpu)
            .OrderBy(s => VisitPosition(s.Predicted.Endless.Area, firstArea, areaCount))
            .FirstOrDefault(s => VisitPosition(s.Predicted.Endless.Area, firstArea, areaCount) <= VisitPosition(lastAreaTried, firstArea, areaCount));
        if (blocker is not null)
            return new(mapping, UnreturnedCause.WaitingForSpinningCpu, blocker.Record.Request.Cpu, blocker.Predicted.Endless.Area);
        return new(mapping, predicted.IsMapped ? UnreturnedCause.WouldHaveReturned : UnreturnedCause.WouldHaveFailed);
    }

    /// <summary>How many areas a search starting at <paramref name="firstArea"/> tries before <paramref name="area"/>.</summary>
    private static int VisitPosition(int area, int firstArea, int areaCount) => (area - firstArea + areaCount) % areaCount;
}
