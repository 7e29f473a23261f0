using Swiotlb.Trace.Cli.Export.Columns;

namespace Swiotlb.Trace.Cli.Export;

/// <summary>
/// The rows of one exported table not yet written: one buffer per column, at most <paramref name="rowGroupSize"/> rows.
/// A full buffer goes to the file as one row group and is reused, so memory does not grow with the rows exported.
/// </summary>
/// <param name="open">Opens the table's file once its columns are known (at the first row group, or at the end of an empty table).</param>
public sealed class TableBuffer(Func<IReadOnlyList<IExportColumn>, ITableWriter> open, int rowGroupSize)
{
    private readonly List<IExportColumn> _columns = [];
    private ITableWriter? _writer;
    private int _rows;

    public long RowsWritten { get; private set; }

    public TextColumn Text(string name) => Register(new TextColumn(name, rowGroupSize));

    public ValueColumn<T> Value<T>(string name) where T : struct => Register(new ValueColumn<T>(name, rowGroupSize));

    /// <summary>An address or mask: a number in Parquet, hex in CSV.</summary>
    public ValueColumn<ulong> Address(string name) => Register(new ValueColumn<ulong>(name, rowGroupSize, hexInCsv: true));

    public TimestampColumn Timestamp(string name) => Register(new TimestampColumn(name, rowGroupSize));

    /// <summary>Every column has been given this row's value.</summary>
    public void EndRow()
    {
        if (++_rows == rowGroupSize)
            Flush();
    }

    /// <summary>Writes what is buffered and closes the file, which holds the table's schema even when it has no rows.</summary>
    public void Complete()
    {
        Flush();
        Writer().Dispose();
    }

    private void Flush()
    {
        if (_rows == 0)
            return;
        Writer().Write(_rows);
        foreach (var column in _columns)
            column.Clear();
        RowsWritten += _rows;
        _rows = 0;
    }

    private ITableWriter Writer() => _writer ??= open(_columns);

    private TColumn Register<TColumn>(TColumn column) where TColumn : IExportColumn
    {
        if (_writer is not null)
            throw new InvalidOperationException("columns are added before the first row is written");
        _columns.Add(column);
        return column;
    }
}
