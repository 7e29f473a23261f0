using CsvHelper;
using Swiotlb.Trace.Cli.Export.Columns;

namespace Swiotlb.Trace.Cli.Export;

/// <summary>A CSV file as RFC 4180 has it (CsvHelper's defaults: UTF-8, CRLF, quoting where needed, a header row); a missing value
/// is an empty field; text from the capture is neutralised against formula injection (<see cref="CsvCell"/>).</summary>
public sealed class CsvTableWriter : ITableWriter
{
    private readonly CsvWriter _csv;
    private readonly IReadOnlyList<IExportColumn> _columns;

    public CsvTableWriter(Stream stream, IReadOnlyList<IExportColumn> columns)
    {
        _columns = columns;
        _csv = CsvWriter.Create(stream, CsvWriterOptions.Default, leaveOpen: false);
        _csv.WriteHeader([.. columns.Select(c => c.Field.Name)]);
    }

    public void Write(int rows)
    {
        for (var row = 0; row < rows; row++)
        {
            foreach (var column in _columns)
                _csv.WriteField(column is TextColumn ? CsvCell.Neutralised(column.Text(row)) : column.Text(row));
            _csv.EndRecord();
        }
    }

    public void Dispose() => _csv.Dispose();
}
