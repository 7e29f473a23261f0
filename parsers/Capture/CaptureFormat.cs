namespace Swiotlb.Trace.Capture;

/// <summary>The kinds of capture swiotrace recognises by their content.</summary>
public enum CaptureFormat
{
    /// <summary>The kernel's own <c>trace</c> file or <c>trace_pipe</c> stream.</summary>
    FtraceText,
    /// <summary>The text <c>trace-cmd report</c> prints.</summary>
    TraceCmdReport,
    /// <summary>A console log or dmesg holding an <c>ftrace_dump_on_oops</c> / sysrq-z dump.</summary>
    ConsoleDump,
    /// <summary>trace-cmd's binary <c>trace.dat</c>.</summary>
    TraceDat,
    /// <summary>blktrace's binary per-CPU files.</summary>
    Blktrace,
    /// <summary>The text <c>perf script</c> prints.</summary>
    PerfScript,
}

public static class CaptureFormatNames
{
    public static string Describe(this CaptureFormat format) => format switch
    {
        CaptureFormat.FtraceText => "ftrace text (trace / trace_pipe)",
        CaptureFormat.TraceCmdReport => "trace-cmd report text",
        CaptureFormat.ConsoleDump => "console log with ftrace dump",
        CaptureFormat.TraceDat => "trace-cmd trace.dat",
        CaptureFormat.Blktrace => "blktrace binary",
        CaptureFormat.PerfScript => "perf script text",
        _ => format.ToString(),
    };
}
