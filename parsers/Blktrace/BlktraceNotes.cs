namespace Swiotlb.Trace.Blktrace;

/// <summary>What the process and timestamp notes said, kept as blkparse keeps it: the first name read for a pid wins, the last timestamp wins.</summary>
public sealed class BlktraceNotes
{
    private readonly Dictionary<int, string> _processNames = [];

    public IReadOnlyDictionary<int, string> ProcessNames => _processNames;

    /// <summary>The wall clock from the last timestamp note read, null when none was.</summary>
    public BlktraceWallClock? WallClock { get; private set; }

    public string? ProcessName(int pid) => _processNames.GetValueOrDefault(pid);

    internal void AddProcess(int pid, string name) => _processNames.TryAdd(pid, name);

    internal void SetWallClock(BlktraceWallClock wallClock) => WallClock = wallClock;
}
