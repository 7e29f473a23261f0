namespace Swiotlb.Trace.Capture;

/// <summary>
/// The declared stats table of one read: what was malformed, lost or skipped. Every output shows it.
/// Only the first <see cref="MaxKeptWarnings"/> warnings are kept; all are counted.
/// </summary>
public sealed class ReadStatistics
{
    public const int MaxKeptWarnings = 20;

    private readonly List<CaptureWarning> _warnings = [];
    private readonly SortedDictionary<int, long> _lostEventsByCpu = [];

    public long LinesRead { get; internal set; }
    public long EventsRead { get; internal set; }
    public long MalformedLines { get; private set; }
    public long WarningCount { get; private set; }

    /// <summary>Printk messages the console itself dropped (<c>** N printk messages dropped **</c>).</summary>
    public long DroppedConsoleMessages { get; internal set; }

    /// <summary>True when the capture ended in the middle of a record or a line.</summary>
    public bool Truncated { get; internal set; }

    public IReadOnlyList<CaptureWarning> Warnings => _warnings;
    public IReadOnlyDictionary<int, long> LostEventsByCpu => _lostEventsByCpu;
    public long LostEvents => _lostEventsByCpu.Values.Sum();

    public void Warn(CapturePosition position, string message)
    {
        WarningCount++;
        if (_warnings.Count < MaxKeptWarnings)
            _warnings.Add(new CaptureWarning(position, message));
    }

    public void Malformed(CapturePosition position, string expected)
    {
        MalformedLines++;
        Warn(position, expected);
    }

    public void AddLostEvents(int cpu, long count) =>
        _lostEventsByCpu[cpu] = _lostEventsByCpu.GetValueOrDefault(cpu) + count;
}
