namespace Swiotlb.Trace.Capture;

/// <summary>
/// The declared stats table of one read: what was malformed, lost or skipped. Every output shows it.
/// Only the first <see cref="MaxKeptWarnings"/> warnings are kept; all are counted, per kind.
/// </summary>
public sealed class ReadStatistics
{
    public const int MaxKeptWarnings = 20;

    private readonly List<CaptureWarning> _warnings = [];
    private readonly SortedDictionary<int, long> _lostEventsByCpu = [];
    private readonly SortedDictionary<string, long> _warningsByKind = new(StringComparer.Ordinal);

    public long LinesRead { get; internal set; }
    public long EventsRead { get; internal set; }
    public long MalformedLines { get; private set; }
    public long WarningCount { get; private set; }

    /// <summary>Printk messages the console itself dropped (<c>** N printk messages dropped **</c>).</summary>
    public long DroppedConsoleMessages { get; internal set; }

    /// <summary>Lines of a console log outside its trace dump (firmware and boot messages, panic text): skipped, not malformed.</summary>
    public long ConsoleLinesSkipped { get; internal set; }

    /// <summary>True when the capture ended in the middle of a record or a line.</summary>
    public bool Truncated { get; internal set; }

    public IReadOnlyList<CaptureWarning> Warnings => _warnings;

    /// <summary>How many warnings of each kind (<see cref="WarningKinds"/>) the read met, kept or not.</summary>
    public IReadOnlyDictionary<string, long> WarningsByKind => _warningsByKind;
    public IReadOnlyDictionary<int, long> LostEventsByCpu => _lostEventsByCpu;
    public long LostEvents => _lostEventsByCpu.Values.Aggregate(0L, (sum, lost) => lost > long.MaxValue - sum ? long.MaxValue : sum + lost);

    /// <summary>The reader's statistics, declared: every report writes them by these names.</summary>
    public static IReadOnlyList<DeclaredStatistic<ReadStatistics>> Declared { get; } =
    [
        new("linesRead", StatSeverity.Info, StatSource.Reader, "Lines of a text capture read.", s => s.LinesRead),
        new("eventsRead", StatSeverity.Info, StatSource.Reader, "Events decoded.", s => s.EventsRead),
        new("malformedLines", StatSeverity.DataLoss, StatSource.Reader, "Lines that are not an event of the format: skipped.", s => s.MalformedLines),
        new("lostEvents", StatSeverity.DataLoss, StatSource.Reader, "Events the ring buffer lost, as the capture counts them (CPUSTAT overruns, pages marked missed).", s => s.LostEvents),
        new("truncated", StatSeverity.DataLoss, StatSource.Reader, "1 when the capture ends inside a record or its data is cut.", s => s.Truncated ? 1 : 0),
        new("cpuDataDropped", StatSeverity.DataLoss, StatSource.Reader, "CPU data regions dropped as corrupt.", s => s.Count(WarningKinds.DroppedCpu)),
        new("unreadableRingData", StatSeverity.DataLoss, StatSource.Reader, "Ring-buffer pages or chunks that could not be read.", s => s.Count(WarningKinds.RingData)),
        new("unreadableEvents", StatSeverity.DataLoss, StatSource.Reader, "Events whose fields could not be decoded: kept as generic events.", s => s.Count(WarningKinds.UnreadableEvent)),
        new("consoleMessagesDropped", StatSeverity.DataLoss, StatSource.Reader, "Printk messages the console itself dropped.", s => s.DroppedConsoleMessages),
        new("consoleLinesSkipped", StatSeverity.Info, StatSource.Reader, "Lines of a console log outside its trace dump (boot messages, panic text).", s => s.ConsoleLinesSkipped),
        new("warnings", StatSeverity.Info, StatSource.Reader, "Warnings of every kind, kept or not.", s => s.WarningCount),
    ];

    /// <summary>The declared statistics' values for this read.</summary>
    public IEnumerable<StatisticValue> Values() => Declared.Select(d => d.Of(this));

    private long Count(string kind) => _warningsByKind.GetValueOrDefault(kind);

    public void Warn(CapturePosition position, string message, string kind = WarningKinds.Other) => Warn(new CaptureWarning(position, message, kind));

    /// <summary>Counts a warning under its kind and keeps it among the first; one that says the capture is cut marks it truncated.</summary>
    public void Warn(CaptureWarning warning)
    {
        WarningCount++;
        _warningsByKind[warning.Kind] = _warningsByKind.GetValueOrDefault(warning.Kind) + 1;
        if (warning.Kind is WarningKinds.Truncated or WarningKinds.RingData or WarningKinds.DroppedCpu)
            Truncated = true;
        if (_warnings.Count < MaxKeptWarnings)
            _warnings.Add(warning);
    }

    public void Malformed(CapturePosition position, string expected)
    {
        MalformedLines++;
        Warn(position, expected, WarningKinds.MalformedLine);
    }

    /// <summary>Adds events a CPU lost; a count read from a damaged capture saturates instead of wrapping.</summary>
    public void AddLostEvents(int cpu, long count)
    {
        var before = _lostEventsByCpu.GetValueOrDefault(cpu);
        _lostEventsByCpu[cpu] = count > long.MaxValue - before ? long.MaxValue : before + Math.Max(0, count);
    }
}

/// <summary>The kinds of warnings <see cref="ReadStatistics"/> counts.</summary>
public static class WarningKinds
{
    public const string MalformedLine = "malformed line";
    public const string Truncated = "truncated";
    public const string ConsoleDropped = "console messages dropped";
    public const string RingData = "unreadable ring data";
    public const string UnreadableEvent = "unreadable event";
    public const string MissedEvents = "events missed by the ring buffer";
    public const string DroppedCpu = "CPU data dropped";
    public const string Other = "other";
}
