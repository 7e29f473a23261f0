using Swiotlb.Trace.Capture;

namespace Swiotlb.Trace.Blktrace;

/// <summary>An open blktrace capture: its records merged in time order (one pass), the notes and the warnings met so far.</summary>
public sealed class BlktraceCapture : IDisposable
{
    private readonly IReadOnlyList<Stream> _streams;
    private readonly BlktraceMerge _merge;
    private readonly List<CaptureWarning> _warnings;
    private bool _enumerated;

    internal BlktraceCapture(IReadOnlyList<string> files, IReadOnlyList<Stream> streams, BlktraceMerge merge, BlktraceNotes notes, List<CaptureWarning> warnings)
    {
        Files = files;
        _streams = streams;
        _merge = merge;
        Notes = notes;
        _warnings = warnings;
    }

    /// <summary>The per-CPU files, in CPU order.</summary>
    public IReadOnlyList<string> Files { get; }

    /// <summary>Process names and the wall clock, filled in as the files are read.</summary>
    public BlktraceNotes Notes { get; }

    /// <summary>Truncations, corruption and skipped records, complete once <see cref="Records"/> has been read to its end.</summary>
    public IReadOnlyList<CaptureWarning> Warnings => _warnings;

    /// <summary>The records blkparse shows (trace records and messages), oldest first; can be enumerated once.</summary>
    public IEnumerable<BlktraceRecord> Records
    {
        get
        {
            if (_enumerated)
                throw new InvalidOperationException("the records of a blktrace capture can be read once; open it again to re-read");
            _enumerated = true;
            return _merge.Records();
        }
    }

    public void Dispose()
    {
        foreach (var stream in _streams)
            stream.Dispose();
    }
}
