using System.Text.Json;
using Swiotlb.Trace.Capture;

namespace Swiotlb.Trace.Cli.Output;

/// <summary>The declared statistics of a run in every report: all of them in JSON (name, severity, source, value,
/// description), the non-zero ones that are not mere volume in one line of text.</summary>
public static class StatisticsOutput
{
    public static void WriteJson(IEnumerable<StatisticValue> values, Utf8JsonWriter json)
    {
        json.WriteStartArray("statistics");
        foreach (var (statistic, value) in values)
        {
            json.WriteStartObject();
            json.WriteString("name", statistic.Name);
            json.WriteEnum("severity", statistic.Severity);
            json.WriteEnum("source", statistic.Source);
            json.WriteNumber("value", value);
            json.WriteString("description", statistic.Description);
            json.WriteEndObject();
        }
        json.WriteEndArray();
    }

    /// <summary>"malformedLines 3 (dataLoss), ..." when any data-loss or error statistic is non-zero; null otherwise.</summary>
    public static string? Notable(IEnumerable<StatisticValue> values)
    {
        var notable = values.Where(v => v.Value != 0 && v.Statistic.Severity != StatSeverity.Info).ToList();
        return notable.Count == 0
            ? null
            : string.Join(", ", notable.Select(v => $"{v.Statistic.Name} {v.Value} ({JsonOutput.EnumName(v.Statistic.Severity)})"));
    }

    /// <summary>The <see cref="Notable"/> statistics on one labelled line, when there are any.</summary>
    public static void WriteText(string label, IEnumerable<StatisticValue> values, TextWriter output)
    {
        if (Notable(values) is { } line)
            output.WriteLine($"{label}{line}");
    }
}
