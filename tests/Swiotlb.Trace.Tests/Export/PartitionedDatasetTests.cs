using Swiotlb.Trace.Tests.Support;

namespace Swiotlb.Trace.Tests.Export;

/// <summary>Every bundled capture exported at once, partitioned by kernel and host, and queried by DuckDB as one table per kind of row.</summary>
public class PartitionedDatasetTests
{
    /// <summary>Each capture folder's trace.dat, else its trace.txt (hang-6.1.0 has only a console log, left out).</summary>
    private static readonly string[] Captures = [.. Directory.GetDirectories(Samples.Captures).Order()
        .Select(folder => new[] { "trace.dat", "trace.txt" }.Select(name => Path.Combine(folder, name)).FirstOrDefault(File.Exists))
        .OfType<string>()];

    [Fact]
    public void All_captures_read_as_one_hive_partitioned_table_per_kind()
    {
        using var export = new ExportRun([.. Captures, "--partition-by", "kernel,host"]);
        Assert.Equal(0, export.Result.ExitCode);
        var printed = PrintedRows(export.Result.Output);
        Assert.Equal(Captures.Length, printed.Count);

        var mappings = Dataset(export, "mappings");
        var byCapture = DuckDb.Counts($"select capture_file, count(*) from {mappings} group by all");
        Assert.Equal(printed.ToDictionary(p => p.Key, p => p.Value.Mappings), byCapture);
        Assert.Equal(printed.Values.Sum(p => p.Events), DuckDb.Count($"select count(*) from {Dataset(export, "events")}"));
        Assert.Equal(printed.Values.Sum(p => p.Commands), DuckDb.Count($"select count(*) from {Dataset(export, "commands")}"));

        var partitions = DuckDb.Counts($"select kernel, host, count(distinct capture_file) from {mappings} group by all");
        Assert.Equal(UnamePartitions(), partitions);
        Assert.Equal(0, DuckDb.Count($"select count(*) from {mappings} where kernel <> capture_kernel or capture_host <> '(none)'"));
        Assert.True(File.Exists(Path.Combine(export.Directory, "mappings", "kernel=6.1.0-54-amd64", "host=none", "fio-mixed-6.1.0_trace.dat.parquet")));
    }

    /// <summary>The partitions the captures' own uname.txt give ("Linux HOST RELEASE …"; the host "(none)" is partitioned as
    /// "none"), with the number of exported captures in each: counted apart from the export.</summary>
    private static Dictionary<string, long> UnamePartitions() =>
        Captures.Select(capture => File.ReadLines(Path.Combine(Path.GetDirectoryName(capture)!, "uname.txt")).First().Split(' '))
            .GroupBy(uname => $"{uname[2]}|{uname[1].Trim('(', ')')}")
            .ToDictionary(g => g.Key, g => (long)g.Count());

    private static string Dataset(ExportRun export, string table) =>
        $"read_parquet({DuckDb.Quote(Path.Combine(export.Directory, table, "**", "*.parquet"))}, hive_partitioning = true)";

    /// <summary>The command's own lines: "CAPTURE: N events, N mapping rows, N command rows (N models)".</summary>
    private static Dictionary<string, (long Events, long Mappings, long Commands)> PrintedRows(string output) =>
        output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(line =>
        {
            var colon = line.LastIndexOf(": ", StringComparison.Ordinal);
            var numbers = line[(colon + 2)..].Split(' ').Where(w => long.TryParse(w, out _)).Select(long.Parse).ToList();
            return (Capture: line[..colon], Rows: (numbers[0], numbers[1], numbers[2]));
        }).ToDictionary(p => p.Capture, p => p.Rows);
}
