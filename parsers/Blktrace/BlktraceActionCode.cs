namespace Swiotlb.Trace.Blktrace;

/// <summary>The action code of a trace record (<c>enum blktrace_act</c>, the low byte of <c>action</c>).</summary>
public enum BlktraceActionCode : byte
{
    Queue = 1,
    BackMerge = 2,
    FrontMerge = 3,
    GetRequest = 4,
    SleepRequest = 5,
    Requeue = 6,
    Issue = 7,
    Complete = 8,
    Plug = 9,
    UnplugIo = 10,
    UnplugTimer = 11,
    Insert = 12,
    Split = 13,
    Bounce = 14,
    Remap = 15,
    Abort = 16,
    DriverData = 17,
}

/// <summary>The code of a notify record (<c>enum blktrace_notify</c>), used when the <see cref="BlktraceCategories.Notify"/> bit is set.</summary>
public enum BlktraceNotifyCode : byte
{
    /// <summary>Names the task behind a pid; the pdu is its <c>comm</c>.</summary>
    Process = 0,

    /// <summary>Gives the wall clock at a trace time; the pdu is two u32: seconds, nanoseconds.</summary>
    Timestamp = 1,

    /// <summary>A text message; the pdu is the text.</summary>
    Message = 2,
}
