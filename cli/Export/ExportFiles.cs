using Swiotlb.Trace.Cli.Output;
using Swiotlb.Trace.Cli.Export.Columns;

namespace Swiotlb.Trace.Cli.Export;

/// <summary>Opens each exported table's file in the chosen format, where the layout puts it.</summary>
/// <remarks>Files are written through <see cref="Outputs"/>: nothing replaces an earlier export until the command commits.</remarks>
public sealed class ExportFiles(ExportLayout layout, string format)
{
    /// <summary>The files written so far, renamed into place by the caller once every capture is exported.</summary>
    public AtomicOutputs Outputs { get; } = new();

    public const string Parquet = "parquet";
    public const string Csv = "csv";
    public static readonly string[] Formats = [Parquet, Csv];

    /// <summary>The version of the tables' columns (docs/schema.md): in every Parquet file's footer as
    /// <c>swiotrace.schema_version</c>, in every CSV file's sidecar as <c>schema:version</c>.</summary>
    public const string SchemaVersion = "2";

    public static ExportFiles In(string directory, string format, IReadOnlyList<string> partitionKeys, bool manyCaptures) =>
        new(new ExportLayout(directory, format, partitionKeys, manyCaptures), format);

    public ITableWriter Open(string table, CaptureIdentity capture, IReadOnlyList<IExportColumn> columns)
    {
        var path = layout.PathOf(table, capture);
        if (format == Csv)
            WriteSidecar(path, table, columns);
        var stream = Outputs.Create(path);
        try
        {
            return format == Csv
                ? new CsvTableWriter(stream, columns)
                : ParquetTableWriter.Open(stream, columns, new Dictionary<string, string>
                {
                    ["swiotrace.schema_version"] = SchemaVersion,
                    ["swiotrace.table"] = table,
                });
        }
        catch
        {
            stream.Dispose();
            throw;
        }
    }

    private void WriteSidecar(string csvPath, string table, IReadOnlyList<IExportColumn> columns)
    {
        using var sidecar = Outputs.Create(csvPath + CsvMetadataSidecar.Suffix);
        CsvMetadataSidecar.Write(sidecar, Path.GetFileName(csvPath), table, columns);
    }
}
