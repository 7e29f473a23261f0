using System.Text.Encodings.Web;
using System.Text.Json;
using Swiotlb.Trace.Cli.Export.Columns;

namespace Swiotlb.Trace.Cli.Export;

/// <summary>
/// The CSV on the Web metadata beside a CSV table (<c>FILE.csv-metadata.json</c>, the name CSVW looks for): the table,
/// the schema version, and each column's datatype, so a reader gets types (hex addresses, timestamps) without guessing.
/// </summary>
public static class CsvMetadataSidecar
{
    public const string Suffix = "-metadata.json";

    public static void Write(Stream stream, string csvFileName, string table, IReadOnlyList<IExportColumn> columns)
    {
        using var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
        json.WriteStartObject();
        json.WriteString("@context", "http://www.w3.org/ns/csvw");
        json.WriteString("url", csvFileName);
        json.WriteString("dc:title", table);
        json.WriteString("schema:version", ExportFiles.SchemaVersion);
        json.WriteStartObject("dialect");
        json.WriteBoolean("header", true);
        json.WriteEndObject();
        json.WriteStartObject("tableSchema");
        json.WriteStartArray("columns");
        foreach (var column in columns)
            WriteColumn(json, column);
        json.WriteEndArray();
        json.WriteEndObject();
        json.WriteEndObject();
    }

    private static void WriteColumn(Utf8JsonWriter json, IExportColumn column)
    {
        json.WriteStartObject();
        json.WriteString("name", column.Field.Name);
        json.WriteString("titles", column.Field.Name);
        if (column.Datatype.Format is { } format)
        {
            json.WriteStartObject("datatype");
            json.WriteString("base", column.Datatype.Base);
            json.WriteString("format", format);
            json.WriteEndObject();
        }
        else
        {
            json.WriteString("datatype", column.Datatype.Base);
        }
        json.WriteString("null", "");
        json.WriteEndObject();
    }
}
