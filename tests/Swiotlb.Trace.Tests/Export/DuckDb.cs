using DuckDB.NET.Data;

namespace Swiotlb.Trace.Tests.Export;

/// <summary>An in-memory DuckDB: the independent engine that reads what swiotrace exported.</summary>
public static class DuckDb
{
    public static List<object?[]> Rows(string sql) => Table(sql).Rows;

    /// <summary>A query's column names and rows.</summary>
    public static (IReadOnlyList<string> Names, List<object?[]> Rows) Table(string sql)
    {
        using var connection = new DuckDBConnection("DataSource=:memory:");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        using var reader = command.ExecuteReader();
        var rows = new List<object?[]>();
        while (reader.Read())
        {
            var row = new object?[reader.FieldCount];
            for (var i = 0; i < row.Length; i++)
                row[i] = reader.IsDBNull(i) ? null : reader.GetValue(i);
            rows.Add(row);
        }
        return ([.. Enumerable.Range(0, reader.FieldCount).Select(reader.GetName)], rows);
    }

    public static long Count(string sql) => Convert.ToInt64(Rows(sql).Single()[0]);

    /// <summary>A two-column result, key → count.</summary>
    public static Dictionary<string, long> Counts(string sql) =>
        Rows(sql).ToDictionary(r => string.Join("|", r[..^1]), r => Convert.ToInt64(r[^1]));

    /// <summary>A path quoted for SQL.</summary>
    public static string Quote(string path) => "'" + path.Replace("'", "''", StringComparison.Ordinal) + "'";
}
