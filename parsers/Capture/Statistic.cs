namespace Swiotlb.Trace.Capture;

/// <summary>What a statistic's non-zero value means, in the manner of Perfetto's <c>stats.h</c>.</summary>
public enum StatSeverity
{
    /// <summary>A volume worth knowing; nothing is wrong.</summary>
    Info,
    /// <summary>Something of the capture is missing or was skipped: results built on it are lower bounds or may be off.</summary>
    DataLoss,
    /// <summary>Something in the capture contradicts itself or the kernel's limits.</summary>
    Error,
}

/// <summary>Which stage of the pipeline fills a statistic.</summary>
public enum StatSource
{
    Reader,
    Pairer,
    Validator,
}

/// <summary>One declared statistic: its name (the same in every report), severity, source and meaning.</summary>
public sealed record Statistic(string Name, StatSeverity Severity, StatSource Source, string Description);

/// <summary>A statistic's value in one run.</summary>
public readonly record struct StatisticValue(Statistic Statistic, long Value);

/// <summary>A statistic declared over the counters of one stage, read from them by <see cref="Value"/>.</summary>
public sealed record DeclaredStatistic<T>(Statistic Statistic, Func<T, long> Value)
{
    public DeclaredStatistic(string name, StatSeverity severity, StatSource source, string description, Func<T, long> value)
        : this(new Statistic(name, severity, source, description), value)
    {
    }

    public StatisticValue Of(T counters) => new(Statistic, Value(counters));
}
