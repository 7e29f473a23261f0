namespace Swiotlb.Trace.Cli.Export;

/// <summary>A table's file, written one row group at a time from the column buffers it was opened with.</summary>
public interface ITableWriter : IDisposable
{
    /// <summary>Writes the first <paramref name="rows"/> buffered values of every column.</summary>
    void Write(int rows);
}
