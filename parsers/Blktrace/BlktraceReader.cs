using Swiotlb.Trace.Capture;

namespace Swiotlb.Trace.Blktrace;

/// <summary>One per-CPU input: a name for messages, the CPU it holds, and its bytes.</summary>
public sealed record BlktraceCpuInput(string Name, int Cpu, Stream Stream);

/// <summary>Reads blktrace captures (<c>struct blk_io_trace</c> version 7, either byte order), as <c>blkparse</c> shows them.</summary>
public static class BlktraceReader
{
    /// <summary>Reads per-CPU streams; the capture disposes them. Reads each stream's first batch before returning.</summary>
    /// <exception cref="CaptureFormatException">A stream does not start with a version-7 blktrace record.</exception>
    public static BlktraceCapture Read(IReadOnlyList<BlktraceCpuInput> inputs)
    {
        var notes = new BlktraceNotes();
        var warnings = new List<CaptureWarning>();
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
