using Parquet;
using Parquet.Schema;

namespace Swiotlb.Trace.Cli.Export.Columns;

/// <summary>A column of strings, nullable, dictionary-encoded in Parquet (device names, kinds and verdicts repeat).</summary>
public sealed class TextColumn(string name, int capacity) : IExportColumn
{
    private readonly string?[] _values = new string?[capacity];
    private int _count;

    public DataField Field { get; } = new DataField<string>(name, nullable: true);

    public CsvwDatatype Datatype => CsvwDatatype.Text;

    public void Add(string? value) => _values[_count++] = value;

    public async ValueTask WriteAsync(ParquetRowGroupWriter rowGroup, int rows)
    {
        await rowGroup.WriteAsync(Field, new ArraySegment<string>(_values!, 0, rows));
    }

    public void Clear()
    {
        Array.Clear(_values, 0, _count);
        _count = 0;
    }

    public string? Text(int row) => _values[row];
}
