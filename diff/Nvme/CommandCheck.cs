using Swiotlb.Trace.Replay.Simulation;

namespace Swiotlb.Trace.Diff.Nvme;

/// <summary>Whether a command could be judged under one set of bounce addresses, and why not.</summary>
public enum CommandCheckStatus
{
    /// <summary>Judged: see the verdict.</summary>
    Checked,
    /// <summary>The command moves no data (flush, write zeroes, dataset management without a mapped range).</summary>
    NoData,
    /// <summary>The command itself says SGL (its PSDT bits, e.g. a passthrough command): nothing for PRPs to break.</summary>
    Sgl,
    /// <summary>The replay no longer held some of its segments, or never saw them.</summary>
    SegmentsMissing,
    /// <summary>A segment has no bounce address (the model failed it, or the capture does not show it).</summary>
    NoAddress,
}

/// <summary>The verdict on one command under one set of bounce addresses (a model's, or the capture's).</summary>
public readonly record struct CommandCheck(CommandCheckStatus Status, PrpVerdict? Verdict, IReadOnlyList<DataSegment> Segments)
{
    /// <summary>Read and write: the commands whose request bytes are their data (a discard's are the range it frees).</summary>
    private static bool MovesData(byte opcode) => opcode is 0x01 or 0x02;

    public static CommandCheck Of(ReplayedCommand command, Func<ReplayedMapping, ulong?> bounceOf, NvmeDataPath path)
    {
        if (command.Command.Setup.UsesSgl)
            return new(CommandCheckStatus.Sgl, null, []);
        if (command.MissingSegments > 0)
            return new(CommandCheckStatus.SegmentsMissing, null, []);
        if (command.Segments.Count == 0)
            return new(CommandCheckStatus.NoData, null, []);
        var segments = new List<DataSegment>(command.Segments.Count);
        foreach (var segment in command.Segments)
        {
            if (bounceOf(segment) is not { } bounce)
                return new(CommandCheckStatus.NoAddress, null, []);
            segments.Add(new DataSegment(segment.OriginalAddress, segment.Size, bounce));
        }
        return new(CommandCheckStatus.Checked, path.Judge(segments, command.Command.QueueId, MovesData(command.Command.Setup.Opcode) ? command.Command.PayloadBytes : null), segments);
    }
}
