namespace Swiotlb.Trace.Capture;

/// <summary>What a capture says about itself, filled in as it is read.</summary>
public sealed class CaptureMetadata(string file, CaptureFormat format)
{
    public string File { get; } = file;
    public CaptureFormat Format { get; } = format;

    /// <summary>The files the capture is made of when it is more than one (blktrace's per-CPU files), in CPU order; else empty.</summary>
    public IReadOnlyList<string> PartFiles { get; init; } = [];

    /// <summary>The kernel release (<c>uname -r</c>) when the capture tells it.</summary>
    public string? KernelRelease { get; set; }

    /// <summary>Where <see cref="KernelRelease"/> came from when not from the capture itself (e.g. a <c>uname.txt</c> beside it).</summary>
    public string? KernelReleaseSource { get; set; }

    /// <summary>The CPU count the capture declares (<c>#P:2</c>, <c>cpus=2</c>), null if it does not.</summary>
    public int? DeclaredCpus { get; set; }

    /// <summary>The panic that produced a console dump, when there is one.</summary>
    public PanicReport? Panic { get; set; }

    /// <summary>Format-specific facts worth a line in a report (file version, compression, clock).</summary>
    public string? Details { get; init; }

    /// <summary>True when timestamps are raw counter ticks rather than nanoseconds.</summary>
    public bool RawClock { get; set; }

    /// <summary>The clock the timestamps count, when the capture names it: the trace clock (<c>local</c>, <c>global</c>,
    /// <c>mono</c>, <c>boot</c>, <c>x86-tsc</c>, <c>counter</c>, …), <c>perf</c> for perf's own clock, <c>blktrace</c> for
    /// time since the blktrace run began.</summary>
    public string? Clock { get; init; }

    /// <summary>The clocks whose values are ticks of a counter, not nanoseconds.</summary>
    private static readonly string[] TickClocks = ["counter", "x86-tsc"];

    /// <summary>True when the timestamps are ticks, not nanoseconds (raw counter values, or a counting trace clock).</summary>
    public bool CountsTicks => RawClock || Array.IndexOf(TickClocks, Clock) >= 0;
}
