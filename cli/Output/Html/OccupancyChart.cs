using Swiotlb.Trace.Diff.Replaying;

namespace Swiotlb.Trace.Cli.Output.Html;

/// <summary>Pool occupancy over time: one line per model, slots in use against seconds since the first mapping.</summary>
public static class OccupancyChart
{
    public static string[] ModelColors => StepChart.Colors;

    public static string Draw(CaptureReplay replay) => StepChart.Draw("Pool occupancy over time per model", "slots in use",
        [.. replay.ModelRuns.Select((pair, index) => new StepLine(
            $"{pair.Run.Name}: peak {pair.Run.Occupancy.Extreme} of {pair.Model.Pool.Geometry.SlotCount} slots",
            pair.Run.Occupancy.Points, StepChart.Colors[index % StepChart.Colors.Length], index > 0))]);
}
