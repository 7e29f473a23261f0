using System.Globalization;
using Parquet;
using Parquet.Schema;

namespace Swiotlb.Trace.Cli.Export.Columns;

/// <summary>
/// A trace time as a timestamp (Parquet TIMESTAMP in nanoseconds, not adjusted to UTC; ISO 8601 without a zone in CSV),
/// counted from the trace clock's zero: a capture holds no wall-clock time, so the clock's zero (boot, for the kernel's
/// local clock) reads as 1970-01-01T00:00:00 and the timestamp is the time since it. Not being an instant, it carries no
/// zone (DuckDB reads it as TIMESTAMP_NS, pandas as datetime64[ns]). The raw value sits beside it; DateTime keeps 100 ns.
/// </summary>
public sealed class TimestampColumn(string name, int capacity) : IExportColumn
{
    private readonly DateTime?[] _values = new DateTime?[capacity];
    private int _count;

    public DataField Field { get; } = new DateTimeDataField(name, DateTimeFormat.Timestamp, isAdjustedToUTC: false, unit: DateTimeTimeUnit.Nanos, isNullable: true);

    public CsvwDatatype Datatype => CsvwDatatype.Timestamp;

    /// <summary>Adds nanoseconds since the clock's zero, or null (no time, or a clock that counts ticks, not nanoseconds).</summary>
    public void Add(long? nanoseconds) =>
        _values[_count++] = nanoseconds is { } ns and >= 0 ? DateTime.UnixEpoch.AddTicks(ns / TimeSpan.NanosecondsPerTick) : null;

    public async ValueTask WriteAsync(ParquetRowGroupWriter rowGroup, int rows)
    {
        await rowGroup.WriteAsync(Field, new ReadOnlyMemory<DateTime?>(_values, 0, rows));
    }

    public void Clear()
    {
        Array.Clear(_values, 0, _count);
        _count = 0;
    }

    public string? Text(int row) => _values[row]?.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff", CultureInfo.InvariantCulture);
}
