namespace Swiotlb.Trace.Blktrace;

/// <summary>One per-CPU input: a name for messages, the CPU it holds, and its bytes.</summary>
public sealed record BlktraceCpuInput(string Name, int Cpu, Stream Stream);

/// <summary>Reads blktrace captures (<c>struct blk_io_trace</c> version 7, either byte order), as <c>blkparse</c> shows them.</summary>
public static class BlktraceReader
{
    /// <summary>Opens the trace NAME, or the trace of a <c>NAME.blktrace.N</c> file, or the one trace in a directory.</summary>
    /// <exception cref="FileNotFoundException">No per-CPU files were found.</exception>
    /// <exception cref="BlktraceFormatException">A file does not start with a version-7 blktrace record.</exception>
    public static BlktraceCapture Open(string pathOrName)
    {
        var files = BlktraceCpuFiles.Find(pathOrName);
        var inputs = new List<BlktraceCpuInput>(files.Count);
        try
        {
            foreach (var file in files)
                inputs.Add(new(file.Path, file.Cpu, File.OpenRead(file.Path)));
            return Read(inputs);
        }
        catch
        {
            foreach (var input in inputs)
                input.Stream.Dispose();
            throw;
        }
    }

    /// <summary>Reads per-CPU streams; the capture disposes them. Reads each stream's first batch before returning.</summary>
    public static BlktraceCapture Read(IReadOnlyList<BlktraceCpuInput> inputs)
    {
        var notes = new BlktraceNotes();
        var warnings = new List<BlktraceWarning>();
        var queues = inputs.Select(input => new BlktraceCpuQueue(new BlktraceCpuFileReader(input.Stream, input.Name, input.Cpu, notes, warnings)));
        var merge = new BlktraceMerge(queues, notes);
        return new BlktraceCapture(
            inputs.Select(input => input.Name).ToList(),
            inputs.Select(input => input.Stream).ToList(),
            merge,
            notes,
            warnings);
    }
}
