using System.Numerics;
using Swiotlb.Trace.Replay.Allocator;
using Swiotlb.Trace.Replay.Validation;

namespace Swiotlb.Trace.Cli.Output;

/// <summary>The section of the <c>validate</c> text report on mappings the kernel never returned from: the endless
/// search (the hang), the hazard that made it possible, and the CPUs presumably stuck behind it.</summary>
public static class HangTextWriter
{
    public static void Write(ValidationReport report, IReadOnlyList<UnreturnedDiagnosis> hangs, TextWriter output)
    {
        if (hangs.Count == 0)
            return;
        output.WriteLine();
        output.WriteLine($"never returned ({hangs.Count}): the capture ends inside these swiotlb_tbl_map_single calls");
        foreach (var hang in hangs)
        {
            output.WriteLine($"  {ReplayRecordText.Event(hang.Mapping.Record)}");
            foreach (var line in Explain(hang))
                output.WriteLine($"    {line}");
            output.WriteLine($"    {Hazard(hang.Mapping)}");
        }
        output.WriteLine();
        output.WriteLine($"  before it: {report.ExactMatches} of {report.Predicted} predicted mappings matched the kernel's answer after synchronisation"
            + $" ({report.RecoveredUnmaps} lost unmaps recovered, {report.MatchedAfterRecovery} matches only after such recovery; {report.PreexistingMappings} preexisting mappings reserved, {report.Adopted} adopted),"
            + " so the reconstructed pool state the verdicts above rest on is the kernel's.");
    }

    private static IEnumerable<string> Explain(UnreturnedDiagnosis hang)
    {
        var predicted = hang.Mapping.Predicted;
        var cpu = hang.Mapping.Record.Request.Cpu;
        switch (hang.Cause)
        {
            case UnreturnedCause.EndlessSearch:
                var e = predicted.Endless;
                yield return $"HANG: endless slot search. CPU {cpu} holds area {e.Area}'s lock and spins forever in swiotlb_do_find_slots.";
                yield return $"  The search starts at slot {e.Wrap} (area {e.Area}'s cursor {e.Cursor} rounded up to the stride of {e.Stride} slots) and gives up only when it gets back to slot {e.Wrap}.";
                yield return $"  min_align_mask keeps orig's {Bits(e.MatchMask)} in the bounce address: a start slot must have {Describe(e.MatchMask, e.RequiredBits)}; slot {e.Wrap} has {Describe(e.MatchMask, e.WrapBits)}.";
                yield return $"  So the search steps one slot on to the next slot with {Describe(e.MatchMask, e.RequiredBits)}, then {e.Stride} slots at a time: it never lands on slot {e.Wrap} again, and 'while (index != wrap)' never ends.";
                yield return $"  The request needs {e.SlotsNeeded} slots and area {e.Area} has {e.FreeSlots} free, so the fail-fast check passes; in the reconstructed state no slot on the walk fits.";
                break;
            case UnreturnedCause.WaitingForSpinningCpu:
                yield return $"The model's search fails cleanly here ({ReplayRecordText.Failure(predicted)}), it does not spin.";
                yield return $"Inferred, not shown by the capture: a search that finds nothing takes each area's lock in turn; area {hang.BlockingArea}'s lock is held by CPU {hang.BlockingCpu},"
                    + $" which spins forever, so CPU {cpu} presumably waits on that lock (spin_lock_irqsave) and never returns either.";
                break;
            case UnreturnedCause.WouldHaveFailed:
                yield return $"The model's search fails cleanly ({ReplayRecordText.Failure(predicted)}) and meets no spinning CPU: the kernel should have returned an error. Unexplained.";
                break;
            default:
                yield return $"The model finds slots for it ({Figures.Hex(predicted.Allocation.BounceAddress)}): the capture was probably cut before the call returned.";
                break;
        }
    }

    private static string Hazard(UnreturnedMapping mapping) => mapping.Hazard is { } hazard
        ? $"hazard: yes. From area {hazard.Area}'s cursor {hazard.Cursor} this request's search could never come back to its start slot {hazard.Wrap}: if nothing fits, it spins."
            + (mapping.Predicted.Outcome == MapOutcome.EndlessSearch ? " Nothing fits, so the hazard became the hang." : " Something still fits, so it would return.")
        : "hazard: no. From where it starts, this request's search comes back to its start slot and returns if nothing fits.";

    /// <summary><c>bit 11</c>, <c>bits 11, 12</c>.</summary>
    private static string Bits(ulong mask)
    {
        var bits = Enumerable.Range(0, 64).Where(b => (mask >> b & 1) != 0).ToList();
        return bits.Count == 1 ? $"bit {bits[0]}" : $"bits {string.Join(", ", bits)}";
    }

    /// <summary><c>bit 11 set</c>, or for several bits the value under the mask.</summary>
    private static string Describe(ulong mask, ulong value) => BitOperations.PopCount(mask) == 1
        ? $"{Bits(mask)} {(value == 0 ? "clear" : "set")}"
        : $"{Bits(mask)} = {Figures.Hex(value)}";
}
