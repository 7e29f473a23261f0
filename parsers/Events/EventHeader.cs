namespace Swiotlb.Trace.Events;

/// <summary>What every trace event carries: when, where and who.</summary>
/// <param name="TimestampNs">Nanoseconds on the capture's clock (raw counter ticks when the clock is a counter).</param>
/// <param name="Cpu">The CPU whose ring buffer held the event.</param>
/// <param name="Pid">The task's pid (0 for the idle task).</param>
/// <param name="Comm">The task's name as the tracer printed it (may be truncated or <c>&lt;...&gt;</c>).</param>
public readonly record struct EventHeader(long TimestampNs, int Cpu, int Pid, string Comm);
