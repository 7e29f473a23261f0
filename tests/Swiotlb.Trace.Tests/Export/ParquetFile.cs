using Parquet;

namespace Swiotlb.Trace.Tests.Export;

/// <summary>Reads an exported file back with Parquet.Net's column API.</summary>
public static class ParquetFile
{
    public static async Task<(long Rows, int RowGroups, IReadOnlyDictionary<string, string> Metadata)> Shape(string path)
    {
        await using var reader = await ParquetReader.CreateAsync(path);
        long rows = 0;
        for (var i = 0; i < reader.RowGroupCount; i++)
        {
            using var group = reader.OpenRowGroupReader(i);
            rows += group.RowCount;
        }
        return (rows, reader.RowGroupCount, reader.CustomMetadata);
    }

    /// <summary>Every value of a string column, across row groups.</summary>
    public static async Task<List<string?>> Strings(string path, string column)
    {
        await using var reader = await ParquetReader.CreateAsync(path);
        var field = reader.Schema.DataFields.Single(f => f.Name == column);
        var values = new List<string?>();
        for (var i = 0; i < reader.RowGroupCount; i++)
        {
            using var group = reader.OpenRowGroupReader(i);
            var chunk = new string?[group.RowCount];
            await group.ReadAsync(field, chunk.AsMemory());
            values.AddRange(chunk);
        }
        return values;
    }

    /// <summary>Every value of a nullable numeric or boolean column, across row groups.</summary>
    public static async Task<List<T?>> Values<T>(string path, string column) where T : struct
    {
        await using var reader = await ParquetReader.CreateAsync(path);
        var field = reader.Schema.DataFields.Single(f => f.Name == column);
        var values = new List<T?>();
        for (var i = 0; i < reader.RowGroupCount; i++)
        {
            using var group = reader.OpenRowGroupReader(i);
            var chunk = new T?[group.RowCount];
            await group.ReadAsync<T>(field, chunk.AsMemory());
            values.AddRange(chunk);
        }
        return values;
    }
}
