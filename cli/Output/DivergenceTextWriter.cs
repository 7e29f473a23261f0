using Swiotlb.Trace.Replay.Allocator;
using Swiotlb.Trace.Replay.Validation;

namespace Swiotlb.Trace.Cli.Output;

/// <summary>The mismatch section of the <c>validate</c> text report: the first divergence in context, then a list.</summary>
public static class DivergenceTextWriter
{
    /// <summary>Mismatches listed after the first, at most; the JSON report lists all.</summary>
    public const int Listed = 10;

    public static void Write(ValidationReport report, PoolGeometry pool, TextWriter output)
    {
        if (report.FirstDivergence is not { } context)
            return;
        var first = report.Divergences[0];
        output.WriteLine();
        output.WriteLine($"first divergence (of {report.Mismatches}):");
        output.WriteLine($"  event      {ReplayRecordText.Event(first.Record)}");
        output.WriteLine($"  predicted  {ReplayRecordText.Answer(first.Predicted, pool)}");
        output.WriteLine($"  observed   {ReplayRecordText.Answer(first.Record.Observed, pool)}");
        output.WriteLine($"  state      area {first.Area}, cursor {first.AreaCursor} before this mapping; min_align_mask {Figures.Hex(first.Record.Request.Device.MinAlignMask)}");
        output.WriteLine("  in replay order:");
        foreach (var outcome in context.Before)
            output.WriteLine($"      {ReplayRecordText.Event(outcome.Record)}  → {ReplayRecordText.Verdict(outcome.Verdict)}");
        output.WriteLine($"   >> {ReplayRecordText.Event(context.Divergence.Record)}  → {ReplayRecordText.Verdict(context.Divergence.Verdict)}");
        foreach (var outcome in context.After)
            output.WriteLine($"      {ReplayRecordText.Event(outcome.Record)}  → {ReplayRecordText.Verdict(outcome.Verdict)}");

        if (report.Mismatches == 1)
            return;
        output.WriteLine();
        output.WriteLine(report.Mismatches - 1 > Listed ? $"further mismatches (first {Listed} of {report.Mismatches - 1}):" : "further mismatches:");
        foreach (var divergence in report.Divergences.Skip(1).Take(Listed))
        {
            output.WriteLine($"  {ReplayRecordText.Event(divergence.Record)}");
            output.WriteLine($"      predicted {ReplayRecordText.Answer(divergence.Predicted, pool)}, observed {ReplayRecordText.Answer(divergence.Record.Observed, pool)}");
        }
    }
}
