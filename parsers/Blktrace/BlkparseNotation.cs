namespace Swiotlb.Trace.Blktrace;

/// <summary>The action letters and RWBS string as <c>blkparse</c> (blktrace 1.2.0) prints them in its default output.</summary>
/// <remarks>
/// Letters follow blkparse's <c>dump_trace_fs</c>/<c>dump_trace_pc</c>; codes it prints no line for (abort, driver data,
/// pass-through codes outside its list, unknown codes) have no letters. Unlike blkparse 1.2.0, which reports cgroup-flagged
/// records as "Bad fs action", the cgroup flag is ignored here, as later blkparse versions do.
/// </remarks>
public static class BlkparseNotation
{
    /// <summary>The letters blkparse prints for <paramref name="action"/> (Q, G, I, D, C, M, F, S, P, U, UT, X, B, A, R, m), or null when it prints no line.</summary>
    public static string? ActionLetters(BlktraceAction action)
    {
        if (action.IsNotify)
            return action.NotifyCode == BlktraceNotifyCode.Message ? "m" : null;

        return action.ActionCode switch
        {
            BlktraceActionCode.Queue => "Q",
            BlktraceActionCode.GetRequest => "G",
            BlktraceActionCode.SleepRequest => "S",
            BlktraceActionCode.Requeue => "R",
            BlktraceActionCode.Issue => "D",
            BlktraceActionCode.Complete => "C",
            BlktraceActionCode.Insert => "I",
            _ when action.IsPassThrough => null,
            BlktraceActionCode.BackMerge => "M",
            BlktraceActionCode.FrontMerge => "F",
            BlktraceActionCode.Plug => "P",
            BlktraceActionCode.UnplugIo => "U",
            BlktraceActionCode.UnplugTimer => "UT",
            BlktraceActionCode.Split => "X",
            BlktraceActionCode.Bounce => "B",
            BlktraceActionCode.Remap => "A",
            _ => null,
        };
    }

    /// <summary>blkparse's <c>fill_rwbs</c>: F (flush), then D, W, R (only when bytes are moved) or N, then F (FUA), A, S, M.</summary>
    /// <remarks>Messages always print <c>N</c>, whatever their category bits.</remarks>
    public static string Rwbs(BlktraceAction action, uint bytes)
    {
        if (action.IsNotify)
            return "N";

        Span<char> rwbs = stackalloc char[6];
        var length = 0;
        if (action.Has(BlktraceCategories.Flush))
            rwbs[length++] = 'F';
        rwbs[length++] = action.Has(BlktraceCategories.Discard) ? 'D'
            : action.Has(BlktraceCategories.Write) ? 'W'
            : bytes != 0 ? 'R'
            : 'N';
        if (action.Has(BlktraceCategories.Fua))
            rwbs[length++] = 'F';
        if (action.Has(BlktraceCategories.ReadAhead))
            rwbs[length++] = 'A';
        if (action.Has(BlktraceCategories.Sync))
            rwbs[length++] = 'S';
        if (action.Has(BlktraceCategories.Metadata))
            rwbs[length++] = 'M';
        return new string(rwbs[..length]);
    }
}
