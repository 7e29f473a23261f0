namespace Swiotlb.Trace.Capture;

/// <summary>What a console log says about the panic that triggered its ftrace dump.</summary>
/// <param name="Reason">The text after <c>Kernel panic - not syncing:</c>.</param>
/// <param name="Cpu">The CPU that panicked, when the oops header (<c>CPU: N PID: …</c>) survived; else null.</param>
public sealed record PanicReport(string Reason, int? Cpu);
