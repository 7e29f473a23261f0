namespace Swiotlb.Trace.Cli.Export.Columns;

/// <summary>A trace time twice: the raw value as the capture gives it (<c>…_ns</c>) and, beside it, as a timestamp from
/// the clock's zero (null when the clock counts ticks rather than nanoseconds).</summary>
public sealed class TimeColumns(TableBuffer table, string raw, string timestamp)
{
    private readonly ValueColumn<long> _raw = table.Value<long>(raw);
    private readonly TimestampColumn _timestamp = table.Timestamp(timestamp);

    public void Add(long? value, CaptureIdentity capture)
    {
        _raw.Add(value);
        _timestamp.Add(capture.CountsTicks ? null : value);
    }
}
