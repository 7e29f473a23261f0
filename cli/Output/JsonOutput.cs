using System.Text.Json;
using Swiotlb.Trace.Diff.Findings.Rules;

namespace Swiotlb.Trace.Cli.Output;

/// <summary>How every JSON report is written: indented UTF-8 to a text writer, and the small shapes they share.</summary>
public static class JsonOutput
{
    /// <summary>The version of the JSON documents' shapes: raised whenever a key is renamed, removed or changes meaning
    /// (added keys do not raise it).</summary>
    public const int SchemaVersion = 2;

    /// <summary>One JSON document: an object that opens with <c>schemaVersion</c> and <c>report</c> (which verb wrote it),
    /// then the members <paramref name="writeMembers"/> writes.</summary>
    public static void Write(TextWriter output, string report, Action<Utf8JsonWriter> writeMembers)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true }))
        {
            json.WriteStartObject();
            json.WriteNumber("schemaVersion", SchemaVersion);
            json.WriteString("report", report);
            writeMembers(json);
            json.WriteEndObject();
        }
        output.WriteLine(System.Text.Encoding.UTF8.GetString(buffer.ToArray()));
    }

    /// <summary>An enum value as every report writes it: camelCase, like the keys (<c>keepsOffsets</c>).</summary>
    public static string EnumName<T>(T value) where T : struct, Enum => JsonNamingPolicy.CamelCase.ConvertName(value.ToString());

    public static void WriteEnum<T>(this Utf8JsonWriter json, string name, T value) where T : struct, Enum => json.WriteString(name, EnumName(value));

    /// <summary>An enum value, or null when there is none.</summary>
    public static void WriteEnum<T>(this Utf8JsonWriter json, string name, T? value) where T : struct, Enum =>
        json.WriteString(name, value is { } v ? EnumName(v) : null);

    /// <summary>A finding's evidence field: a word, an address or mask in hex, or a count.</summary>
    public static void WriteField(Utf8JsonWriter json, FindingField field)
    {
        if (field.Word is { } word)
            json.WriteString(field.Name, word);
        else if (field.IsAddress)
            json.WriteString(field.Name, Figures.Hex(field.Number));
        else
            json.WriteNumber(field.Name, field.Number);
    }

    public static void WriteStrings(this Utf8JsonWriter json, string name, IEnumerable<string> values)
    {
        json.WriteStartArray(name);
        foreach (var value in values)
            json.WriteStringValue(value);
        json.WriteEndArray();
    }

    /// <summary>Counts per CPU as an object keyed by the CPU number: <c>{"0": 12, "1": 3}</c>.</summary>
    public static void WriteCountsByCpu(this Utf8JsonWriter json, string name, IReadOnlyDictionary<int, long> counts)
    {
        json.WriteStartObject(name);
        foreach (var (cpu, count) in counts)
            json.WriteNumber(cpu.ToString(System.Globalization.CultureInfo.InvariantCulture), count);
        json.WriteEndObject();
    }

    public static void WriteNumberOrNull(this Utf8JsonWriter json, string name, long? value)
    {
        if (value is { } present)
            json.WriteNumber(name, present);
        else
            json.WriteNull(name);
    }
}
