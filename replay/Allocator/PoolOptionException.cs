namespace Swiotlb.Trace.Replay.Allocator;

/// <summary>A pool option of the command line that cannot go with the pool the capture states (<c>--areas</c> that do
/// not divide its slots): a usage error (exit 2), known only once the capture's own figures are read.</summary>
public sealed class PoolOptionException(string message) : Exception(message);
