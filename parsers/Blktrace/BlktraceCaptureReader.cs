using Swiotlb.Trace.Capture;
using Swiotlb.Trace.Events;

namespace Swiotlb.Trace.Blktrace;

/// <summary>
/// A blktrace capture behind the common <see cref="ICaptureReader"/>: file-system issues and completions become
/// <see cref="BlockRqIssue"/> / <see cref="BlockRqComplete"/> (see <see cref="BlktraceBlockEvents"/>), every other record a
/// <see cref="BlockTraceStep"/>. Warnings name the CPU file and the byte offset of the record.
/// </summary>
public sealed class BlktraceCaptureReader : ICaptureReader
{
    private readonly BlktraceCapture _capture;
    private int _warningsTaken;

    /// <param name="name">What messages call the trace: its NAME, or one of its <c>NAME.blktrace.N</c> files.</param>
    /// <param name="capture">The trace's per-CPU streams being read (<see cref="BlktraceReader.Read"/>); the reader disposes it.</param>
    public BlktraceCaptureReader(string name, BlktraceCapture capture)
    {
        _capture = capture;
        Metadata = new CaptureMetadata(name, CaptureFormat.Blktrace)
        {
            PartFiles = _capture.Files,
            DeclaredCpus = _capture.Files.Count,
            Clock = "blktrace",
        };
        TakeNewWarnings();
    }

    public CaptureMetadata Metadata { get; }
    public ReadStatistics Statistics { get; } = new();

    public IEnumerable<TraceEvent> ReadEvents()
    {
        foreach (var record in _capture.Records)
        {
            TakeNewWarnings();
            Statistics.EventsRead++;
            yield return BlktraceBlockEvents.ToBlockEvent(record) ?? ToStep(record);
        }
        TakeNewWarnings();
    }

    private static BlockTraceStep ToStep(BlktraceRecord record) => new(
        BlktraceBlockEvents.HeaderOf(record),
        record.ActionLetters ?? record.Action.ToString(),
        record.Action.Raw,
        record.Device,
        record.Sector,
        record.Bytes,
        record.Rwbs);

    /// <summary>The blktrace reader adds warnings as it reads ahead; they join the statistics as they appear.</summary>
    private void TakeNewWarnings()
    {
        for (; _warningsTaken < _capture.Warnings.Count; _warningsTaken++)
        {
            Statistics.Warn(_capture.Warnings[_warningsTaken]);
        }
    }

    public void Dispose() => _capture.Dispose();
}
