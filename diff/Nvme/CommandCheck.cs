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

    /// <summary>
    /// The verdict under the kernel's own bounce addresses, with the controller's own answer where the capture has it: a
    /// completion with Invalid PRP Offset is a rejection whatever these addresses predict. Debian 7.3.4's driver shows why:
    /// when PRP1 consumes more than a request's first segment holds, its 32-bit iterator length wraps and the PRP list it
    /// hands over is sometimes the one these addresses imply (wrong bytes, status 0) and sometimes a descriptor-pool block
    /// still on the pool's free list, or a PRP2 of 0 (status 0x4013), which no event of the capture tells apart.
    /// </summary>
    public static CommandCheck OfObserved(ReplayedCommand command, NvmeDataPath path)
    {
        var check = Of(command, s => s.ObservedBounce, path);
        return check.Verdict is { Outcome: not PrpOutcome.MisalignedEntry } verdict
            && command.Command.Completion is { } completion && IsInvalidPrpOffset(completion.Status)
            ? check with { Verdict = verdict with { Outcome = PrpOutcome.MisalignedEntry, RejectedInCapture = true } }
            : check;
    }

    /// <summary>NVMe generic status (type 0) 0x13, Invalid PRP Offset, whatever the More and Do Not Retry bits say.</summary>
    private static bool IsInvalidPrpOffset(int status) => (status & 0x7ff) == 0x013;

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
