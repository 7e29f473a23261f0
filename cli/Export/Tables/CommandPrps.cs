using Swiotlb.Trace.Diff.Prp;
using Swiotlb.Trace.Replay.Simulation;

namespace Swiotlb.Trace.Cli.Export.Tables;

/// <summary>
/// The PRP verdict on one command under one set of bounce addresses (a model's, or the capture's), with the reason when
/// there is none: the command uses SGLs, the replay no longer held all its segments, or a segment has no bounce address (the model failed it, or the capture does not show it).
/// </summary>
public readonly record struct CommandPrps(string Status, PrpVerdict? Verdict)
{
    public static CommandPrps Of(ReplayedCommand command, Func<ReplayedMapping, ulong?> bounceOf)
    {
        if (command.Command.Setup.UsesSgl)
            return new("sgl", null);
        if (command.MissingSegments > 0 || command.Segments.Count == 0)
            return new("segments_missing", null);
        var segments = new List<DmaSegment>(command.Segments.Count);
        foreach (var segment in command.Segments)
        {
            if (bounceOf(segment) is not { } bounce)
                return new("no_address", null);
            segments.Add(new DmaSegment(bounce, segment.Size));
        }
        var verdict = PrpBuilder.Check(segments);
        return new(SnakeCase.Of(verdict.Outcome), verdict);
    }
}
