using System.Globalization;
using Parquet;
using Parquet.Schema;

namespace Swiotlb.Trace.Cli.Export.Columns;

/// <summary>A column of numbers or booleans, nullable, buffered in one array of the row group's size.</summary>
/// <param name="hexInCsv">Addresses and masks: <c>0x</c> and lower-case hex digits in CSV (Parquet keeps the number).</param>
public sealed class ValueColumn<T>(string name, int capacity, bool hexInCsv = false) : IExportColumn
    where T : struct
{
    private readonly T?[] _values = new T?[capacity];
    private int _count;

    public DataField Field { get; } = new DataField<T?>(name);

    public CsvwDatatype Datatype { get; } = hexInCsv ? CsvwDatatype.Hex : CsvwDatatype.Of<T>();

    public void Add(T? value) => _values[_count++] = value;

    public async ValueTask WriteAsync(ParquetRowGroupWriter rowGroup, int rows)
    {
        await rowGroup.WriteAsync(Field, new ReadOnlyMemory<T?>(_values, 0, rows));
    }

    public void Clear()
    {
        Array.Clear(_values, 0, _count);
        _count = 0;
    }

    public string? Text(int row) => _values[row] switch
    {
        null => null,
        bool flag => flag ? "true" : "false",
        IFormattable value when hexInCsv => "0x" + value.ToString("x", CultureInfo.InvariantCulture),
        IFormattable value => value.ToString(null, CultureInfo.InvariantCulture),
        var value => value.ToString(),
    };
}
