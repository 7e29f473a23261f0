using Parquet;
using Parquet.Schema;

namespace Swiotlb.Trace.Cli.Export.Columns;

/// <summary>A column of strings, nullable, dictionary-encoded in Parquet (device names, kinds and verdicts repeat). Kept
/// as the character memory Parquet.Net encodes strings from, so a row group is written without converting its strings.</summary>
public sealed class TextColumn(string name, int capacity) : IExportColumn
{
    private readonly ReadOnlyMemory<char>?[] _values = new ReadOnlyMemory<char>?[capacity];
    private int _count;

    public DataField Field { get; } = new DataField<string>(name, nullable: true);

    public CsvwDatatype Datatype => CsvwDatatype.Text;

    public void Add(string? value) => _values[_count++] = value?.AsMemory();

    public async ValueTask WriteAsync(ParquetRowGroupWriter rowGroup, int rows)
    {
        await rowGroup.WriteAsync(Field, new ReadOnlyMemory<ReadOnlyMemory<char>?>(_values, 0, rows));
    }

    public void Clear()
    {
        Array.Clear(_values, 0, _count);
        _count = 0;
    }

    /// <summary>The row's string (the one added: a whole string's memory gives it back, not a copy).</summary>
    public string? Text(int row) => _values[row]?.ToString();
}
