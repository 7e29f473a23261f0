using System.Globalization;
using Swiotlb.Trace.Tests.Export;
using Swiotlb.Trace.Tests.Support;

namespace Swiotlb.Trace.Tests.Notebook;

/// <summary>
/// samples/notebook.md runs as written: the export command it opens with, run on every bundled trace.dat, then each SQL
/// cell through DuckDB gives exactly the table printed after it, and its pandas cells are Python that parses (and runs,
/// where python3 has pandas and pyarrow). With <c>SWIOTRACE_UPDATE_GOLDEN=1</c> the tables are rewritten from the run.
/// </summary>
public sealed class NotebookTests(FleetExport fleet) : IClassFixture<FleetExport>
{
    private static readonly string NotebookPath = Path.Combine(Samples.Root, "samples", "notebook.md");

    [Fact]
    public void Every_sql_cell_prints_the_table_that_follows_it()
    {
        Assert.Equal(0, fleet.Result.ExitCode);
        var lines = File.ReadAllLines(NotebookPath).ToList();
        var cells = NotebookCell.Read(lines).Where(c => c.Language == "sql").ToList();
        Assert.True(cells.Count >= 5, $"{cells.Count} SQL cells in {NotebookPath}");

        // From the last cell up, so a rewritten table leaves the earlier cells' line numbers as they were.
        var mismatches = new List<string>();
        foreach (var cell in Enumerable.Reverse(cells))
        {
            var printed = string.Join('\n', lines.Skip(cell.ResultStart).Take(cell.ResultEnd - cell.ResultStart));
            var result = fleet.Run(cell.Code);
            if (printed != result)
                mismatches.Add($"cell before line {cell.ResultStart + 1}:\n{cell.Code}\nprinted:\n{printed}\ngot:\n{result}");
            var table = result.Split('\n');
            lines.RemoveRange(cell.ResultStart, cell.ResultEnd - cell.ResultStart);
            lines.InsertRange(cell.ResultStart, cell.ResultStart == cell.ResultEnd ? [.. table, ""] : table);
        }
        if (Environment.GetEnvironmentVariable("SWIOTRACE_UPDATE_GOLDEN") == "1")
            File.WriteAllText(NotebookPath, string.Join('\n', lines) + "\n");
        Assert.True(mismatches.Count == 0, string.Join("\n\n", mismatches));
    }

    [Fact]
    public void Every_pandas_cell_is_python_and_runs_where_pandas_and_pyarrow_are_installed()
    {
        var cells = NotebookCell.Read(File.ReadAllLines(NotebookPath)).Where(c => c.Language == "python").ToList();
        Assert.True(cells.Count >= 3);
        Assert.All(cells, cell => Assert.Contains("pd.", cell.Code, StringComparison.Ordinal));
        // One program, as a notebook runs its cells in one kernel; every cell's last expression is printed.
        var script = Path.Combine(fleet.Directory, "notebook.py");
        File.WriteAllText(script, string.Join("\n", cells.Select(c => PrintingLastExpression(c.Code.Replace("\"fleet/", $"\"{fleet.Directory}/", StringComparison.Ordinal)))));

        var parses = Python($"import ast,sys; ast.parse(open(sys.argv[1]).read())", script);
        Assert.True(parses.ExitCode == 0, parses.Error);
        if (Python("import pandas, pyarrow").ExitCode != 0)
            return; // Neither this machine nor CI has pyarrow (Debian bookworm does not package it): the syntax check stands.
        var run = Python(File.ReadAllText(script));
        Assert.True(run.ExitCode == 0, run.Error);
        Assert.Contains("controller_rejects", run.Output, StringComparison.Ordinal);
    }

    /// <summary>A cell's code with its last line, an expression a notebook would display, wrapped in <c>print</c>.</summary>
    private static string PrintingLastExpression(string code)
    {
        var lines = code.Split('\n');
        lines[^1] = $"print({lines[^1]})";
        return string.Join('\n', lines);
    }

    private static (int ExitCode, string Output, string Error) Python(string program, params string[] arguments) =>
        ExternalProgram.Run("python3", ["-c", program, .. arguments]);
}

/// <summary>The notebook's export: every bundled trace.dat, partitioned by kernel and host, named by paths relative to the
/// test's working directory and shown as <c>samples/captures/…</c>, as the notebook's command run from the clone gives them.</summary>
public sealed class FleetExport : IDisposable
{
    private readonly string _captures = Path.GetRelativePath(Environment.CurrentDirectory, Samples.Captures);

    public string Directory { get; } = Path.Combine(Path.GetTempPath(), "swiotrace-fleet-" + Guid.NewGuid().ToString("N"));
    public (int ExitCode, string Output, string Error) Result { get; }

    public FleetExport()
    {
        var captures = Samples.FoldersWith("trace.dat").Order(StringComparer.Ordinal).Select(f => Path.Combine(_captures, f, "trace.dat"));
        Result = CliRun.Run(["export", .. captures, "-o", Directory, "--partition-by", "kernel,host"]);
    }

    /// <summary>A query's result as the notebook prints it: a Markdown table, header from the column names.</summary>
    public string Run(string sql)
    {
        var (names, rows) = DuckDb.Table(sql.Replace("'fleet/", $"'{Directory}/", StringComparison.Ordinal));
        var lines = new List<string> { Row(names), "|" + string.Join("|", names.Select(_ => "---")) + "|" };
        lines.AddRange(rows.Select(r => Row(r.Select(Cell))));
        return string.Join('\n', lines);
    }

    private string Cell(object? value) => value switch
    {
        null => "",
        string text => text.Replace(_captures + "/", "samples/captures/", StringComparison.Ordinal),
        IFormattable number => number.ToString(null, CultureInfo.InvariantCulture),
        var other => other.ToString() ?? "",
    };

    private static string Row(IEnumerable<string> cells) => "| " + string.Join(" | ", cells) + " |";

    public void Dispose()
    {
        if (System.IO.Directory.Exists(Directory))
            System.IO.Directory.Delete(Directory, recursive: true);
    }
}
