using Parquet;
using Parquet.Schema;

namespace Swiotlb.Trace.Cli.Export.Columns;

/// <summary>One column of a table being exported: its values for the rows of the current row group, nothing more.</summary>
public interface IExportColumn
{
    DataField Field { get; }

    /// <summary>How its CSV text reads, as a CSV on the Web datatype (the CSV file's <c>-metadata.json</c> sidecar).</summary>
    CsvwDatatype Datatype { get; }

    /// <summary>Writes the buffered values as this column's chunk of a Parquet row group.</summary>
    ValueTask WriteAsync(ParquetRowGroupWriter rowGroup, int rows);

    /// <summary>A value as CSV text (invariant culture), null for a missing value.</summary>
    string? Text(int row);

    /// <summary>Forgets the buffered values once the row group is written.</summary>
    void Clear();
}
