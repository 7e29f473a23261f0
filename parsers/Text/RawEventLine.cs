namespace Swiotlb.Trace.Text;

/// <summary>One event line split into its columns; slices of the line, valid while the line is.</summary>
public readonly ref struct RawEventLine(
    ReadOnlySpan<byte> comm, int pid, int cpu, long timestampNs, bool rawCounter, ReadOnlySpan<byte> name, ReadOnlySpan<byte> payload)
{
    public ReadOnlySpan<byte> Comm { get; } = comm;
    public int Pid { get; } = pid;
    public int Cpu { get; } = cpu;
    public long TimestampNs { get; } = timestampNs;
    public bool RawCounter { get; } = rawCounter;
    public ReadOnlySpan<byte> Name { get; } = name;
    public ReadOnlySpan<byte> Payload { get; } = payload;
}
