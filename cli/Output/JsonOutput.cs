using System.Text.Json;

namespace Swiotlb.Trace.Cli.Output;

/// <summary>How every JSON report is written: indented UTF-8 to a text writer, and the small shapes they share.</summary>
public static class JsonOutput
{
    public static void Write(TextWriter output, Action<Utf8JsonWriter> writeDocument)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true }))
            writeDocument(json);
        output.WriteLine(System.Text.Encoding.UTF8.GetString(buffer.ToArray()));
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
