using Swiotlb.Trace.Capture;
using Swiotlb.Trace.Cli.Export.Tables;
using Swiotlb.Trace.Diff.Nvme;
using Swiotlb.Trace.Diff.Replaying;
using Swiotlb.Trace.Events;
using Swiotlb.Trace.Replay.Records;
using Swiotlb.Trace.Replay.Simulation;
using Swiotlb.Trace.Replay.Validation;

namespace Swiotlb.Trace.Cli.Export;

/// <summary>How many rows each table of one capture received.</summary>
public readonly record struct ExportedRows(long Events, long Mappings, long Commands);

/// <summary>
/// Watches one capture's replay and writes its three tables as it streams by. Memory: one row group per table, plus the
/// mappings still live and the last <see cref="ReplayEngine.RecentlyReleasedKept"/> released (a mapping row waits for
/// its release to say how its lifetime was known, then for the NVMe command that names it as a segment, which completes
/// after its unmaps; the replay holds those same mappings anyway).
/// </summary>
public sealed class CaptureExporter : IReplayObserver
{
    public const int DefaultRowGroupSize = 16 * 1024;

    private readonly TableBuffer _eventRows;
    private readonly TableBuffer _mappingRows;
    private readonly TableBuffer _commandRows;
    private readonly EventTable _events;
    private readonly MappingTable _mappings;
    private readonly CommandTable _commands;
    private readonly Dictionary<int, ReplayedMapping> _live = [];
    private readonly Queue<(ReplayedMapping Mapping, UnmapRecord Release)> _released = new();
    private readonly Dictionary<int, int> _commandOfMapping = [];
    private int _commandsSeen;
    private readonly ExportFiles _files;
    private readonly IReadOnlyDictionary<string, SynchronisedVerdicts> _verdicts;
    private CaptureIdentity _capture;
    private CaptureMetadata? _metadata;
    private IReadOnlyList<string> _models = [];
    private NvmeDataPaths _dataPaths = NvmeDataPaths.PrpOnly(0);

    /// <param name="capture">The capture's identity; the kernel may still be filled in from the capture's own metadata.</param>
    /// <param name="verdicts">Per model, <c>validate</c>'s verdict on each mapping (the <c>matches_observed</c> column).</param>
    public CaptureExporter(ExportFiles files, CaptureIdentity capture, IReadOnlyDictionary<string, SynchronisedVerdicts> verdicts,
        int rowGroupSize = DefaultRowGroupSize)
    {
        _verdicts = verdicts;
        _files = files;
        _capture = capture;
        _eventRows = new TableBuffer(columns => files.Open(EventTable.Name, _capture, columns), rowGroupSize);
        _mappingRows = new TableBuffer(columns => files.Open(MappingTable.Name, _capture, columns), rowGroupSize);
        _commandRows = new TableBuffer(columns => files.Open(CommandTable.Name, _capture, columns), rowGroupSize);
        _events = new EventTable(_eventRows);
        _mappings = new MappingTable(_mappingRows);
        _commands = new CommandTable(_commandRows);
    }

    public void Started(CaptureMetadata capture, IReadOnlyList<ChosenModel> models, NvmeDataPaths dataPaths)
    {
        _metadata = capture;
        _capture = _capture with { Kernel = capture.KernelRelease ?? _capture.Kernel, Clock = capture.Clock, CountsTicks = capture.CountsTicks };
        _models = [.. models.Select(m => m.Name)];
        _dataPaths = dataPaths;
    }

    public void Event(TraceEvent traceEvent)
    {
        // A text capture shows raw counter ticks only in its event lines: known once the first is read.
        if (_metadata is { CountsTicks: true } && !_capture.CountsTicks)
            _capture = _capture with { CountsTicks = true };
        _events.Add(_capture, traceEvent);
    }

    public void Mapping(ReplayedMapping mapping) => _live[mapping.Record.Sequence] = mapping;

    public void Released(UnmapRecord release)
    {
        if (release.MappingSequence is not { } sequence || !_live.Remove(sequence, out var mapping))
            return;
        _released.Enqueue((mapping, release));
        while (_released.Count > ReplayEngine.RecentlyReleasedKept)
            WriteReleased();
    }

    public void Command(ReplayedCommand command)
    {
        var sequence = _commandsSeen++;
        foreach (var segment in command.Segments)
            _commandOfMapping[segment.Record.Sequence] = sequence;
        _commands.Add(_capture, _models, _dataPaths, command, sequence);
    }

    /// <summary>The replay ended: mappings never released are written as such, every file is closed and renamed into place
    /// (until then the previous export's files stay as they were).</summary>
    public ExportedRows Complete()
    {
        while (_released.Count > 0)
            WriteReleased();
        foreach (var mapping in _live.Values.OrderBy(m => m.Record.Sequence))
            WriteMapping(mapping, release: null);
        _live.Clear();
        _eventRows.Complete();
        _mappingRows.Complete();
        _commandRows.Complete();
        _files.Outputs.Commit();
        return new ExportedRows(_eventRows.RowsWritten, _mappingRows.RowsWritten, _commandRows.RowsWritten);
    }

    private void WriteReleased()
    {
        var (mapping, release) = _released.Dequeue();
        WriteMapping(mapping, release);
    }

    private void WriteMapping(ReplayedMapping mapping, UnmapRecord? release)
    {
        int? command = _commandOfMapping.Remove(mapping.Record.Sequence, out var sequence) ? sequence : null;
        _mappings.Add(_capture, _models, _verdicts, mapping, release, command);
    }
}
