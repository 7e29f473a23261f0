using Swiotlb.Trace.Capture;

namespace Swiotlb.Trace.Cli.Input;

/// <summary>
/// A capture the verbs that read it more than once (replay, diff, export, inspect) can open again: a file or folder as it
/// is; standard input or a FIFO copied once to a temporary file (bounded by half the free space there), which messages still
/// name as the pipe was.
/// </summary>
public sealed class ReopenableCapture : IDisposable
{
    private readonly string _path;
    private readonly (string Path, string Name)? _copy;

    /// <param name="copy">The pipe's copy and what messages call it (stdin, or the FIFO's path); null for a file or folder.</param>
    private ReopenableCapture(string path, (string Path, string Name)? copy)
    {
        _path = path;
        _copy = copy;
    }

    /// <param name="path">As <see cref="CaptureOpener.Open(string, KernelFacts, TextWriter)"/> takes it.</param>
    public static ReopenableCapture Of(string path)
    {
        var resolved = CapturePath.Resolve(path);
        if (resolved == CapturePath.StandardInput)
            return Copied(path, Console.OpenStandardInput(), CapturePath.StandardInputName);
        if (!File.Exists(resolved))
            return new ReopenableCapture(path, null);
        var stream = new FileStream(resolved, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1 << 16);
        if (!stream.CanSeek)
            return Copied(path, stream, resolved);
        stream.Dispose();
        return new ReopenableCapture(path, null);
    }

    private static ReopenableCapture Copied(string path, Stream pipe, string name)
    {
        var copy = Path.Combine(Path.GetTempPath(), $"swiotrace-{Guid.NewGuid():N}.pipe");
        try
        {
            using (pipe)
                SpooledCapture.ToFile(pipe, name, copy);
            return new ReopenableCapture(path, (copy, name));
        }
        catch
        {
            File.Delete(copy);
            throw;
        }
    }

    public ICaptureReader Open(KernelFacts facts, TextWriter progress) => _copy is { } copy
        ? CaptureOpener.OpenCopy(copy.Path, copy.Name, facts, progress)
        : CaptureOpener.Open(_path, facts, progress);

    public void Dispose()
    {
        if (_copy is { } copy)
            File.Delete(copy.Path);
    }
}
