using System.Text;

using Swiotlb.Trace.Cli.Commands;

namespace Swiotlb.Trace.Cli.Export;

/// <summary>
/// Where each table of each capture goes. One capture, unpartitioned: <c>DIR/events.parquet</c>. Several captures, or
/// partitioned: one dataset per table, <c>DIR/mappings/kernel=K/host=H/CAPTURE.parquet</c> (Hive style, so DuckDB, Spark
/// or pandas read <c>DIR/mappings</c> as one table with the partition keys as columns).
/// </summary>
public sealed class ExportLayout(string directory, string extension, IReadOnlyList<string> partitionKeys, bool manyCaptures)
{
    public static readonly IReadOnlyList<string> PartitionKeys = ["kernel", "host"];

    /// <summary>A partition value for a capture that does not tell it.</summary>
    public const string Unknown = "unknown";

    /// <exception cref="UsageException">A key is not one of <see cref="PartitionKeys"/>.</exception>
    public static IReadOnlyList<string> ParsePartitionKeys(IEnumerable<string> values) =>
        [.. values.SelectMany(v => v.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            .Select(key => PartitionKeys.Contains(key)
                ? key
                : throw new UsageException($"--partition-by '{key}': expected {string.Join(", ", PartitionKeys)}"))
            .Distinct()];

    public string PathOf(string table, CaptureIdentity capture)
    {
        if (partitionKeys.Count == 0 && !manyCaptures)
            return Path.Combine(directory, $"{table}.{extension}");
        var parts = new List<string> { directory, table };
        parts.AddRange(partitionKeys.Select(key => $"{key}={PathSafe(ValueOf(key, capture))}"));
        parts.Add($"{FileStem(capture.File)}.{extension}");
        return Path.Combine([.. parts]);
    }

    /// <summary>The capture's folder and file name, so the many <c>trace.dat</c> of a fleet do not collide: <c>fio-mixed-6.1.0_trace.dat</c>.</summary>
    public static string FileStem(string capturePath)
    {
        var full = Path.GetFullPath(capturePath);
        var folder = Path.GetFileName(Path.GetDirectoryName(full)) ?? "";
        return PathSafe(folder.Length == 0 ? Path.GetFileName(full) : $"{folder}_{Path.GetFileName(full)}");
    }

    /// <summary>Letters, digits and <c>. _ + -</c> kept, any other run of characters one <c>_</c>, none at the ends: <c>(none)</c> → <c>none</c>.</summary>
    public static string PathSafe(string? value)
    {
        var safe = new StringBuilder();
        foreach (var c in value ?? "")
        {
            if (char.IsAsciiLetterOrDigit(c) || c is '.' or '_' or '+' or '-')
                safe.Append(c);
            else if (safe.Length > 0 && safe[^1] != '_')
                safe.Append('_');
        }
        var text = safe.ToString().Trim('_');
        return text.Length == 0 || text is "." or ".." ? Unknown : text;
    }

    private static string? ValueOf(string key, CaptureIdentity capture) => key == "kernel" ? capture.Kernel : capture.Host;
}
