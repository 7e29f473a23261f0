namespace Swiotlb.Trace.Cli.Output;

/// <summary>
/// Output files written beside their targets under hidden temporary names and renamed into place only when the whole
/// command has succeeded: an interrupted or failed run leaves every earlier output as it was, never a half-written file.
/// </summary>
public sealed class AtomicOutputs : IDisposable
{
    private readonly List<(string Temporary, string Target)> _pending = [];

    /// <summary>Opens the temporary file that becomes <paramref name="target"/> at <see cref="Commit"/>.</summary>
    public FileStream Create(string target)
    {
        var full = Path.GetFullPath(target);
        var folder = Path.GetDirectoryName(full)!;
        Directory.CreateDirectory(folder);
        var temporary = Path.Combine(folder, $".{Path.GetFileName(full)}.swiotrace-{Environment.ProcessId}-{_pending.Count}.tmp");
        var stream = new FileStream(temporary, FileMode.Create, FileAccess.ReadWrite, FileShare.None, 1 << 16);
        _pending.Add((temporary, full));
        return stream;
    }

    /// <summary>Renames every written file into place (the streams must be closed).</summary>
    public void Commit()
    {
        foreach (var (temporary, target) in _pending)
            File.Move(temporary, target, overwrite: true);
        _pending.Clear();
    }

    /// <summary>Removes what was not committed.</summary>
    public void Dispose()
    {
        foreach (var (temporary, _) in _pending)
        {
            try
            {
                File.Delete(temporary);
            }
            catch (IOException)
            {
            }
        }
        _pending.Clear();
    }
}
