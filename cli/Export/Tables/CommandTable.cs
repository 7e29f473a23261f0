using Swiotlb.Trace.Cli.Export.Columns;
using Swiotlb.Trace.Diff.Findings;
using Swiotlb.Trace.Diff.Nvme;
using Swiotlb.Trace.Replay.Simulation;

namespace Swiotlb.Trace.Cli.Export.Tables;

/// <summary>The <c>commands</c> table: one row per NVMe command and model, with the PRP verdict on the model's bounce addresses and on the capture's own.</summary>
public sealed class CommandTable
{
    public const string Name = "commands";

    private readonly TableBuffer _table;
    private readonly CaptureColumns _capture;
    private readonly TextColumn _model;
    private readonly ValueColumn<int> _sequence;
    private readonly TimeColumns _time;
    private readonly ValueColumn<int> _cpu;
    private readonly TextColumn _device;
    private readonly TextColumn _disk;
    private readonly ValueColumn<int> _queue;
    private readonly ValueColumn<int> _command;
    private readonly ValueColumn<int> _opcode;
    private readonly TextColumn _operation;
    private readonly ValueColumn<ulong> _lba;
    private readonly ValueColumn<uint> _blocks;
    private readonly ValueColumn<int> _segments;
    private readonly ValueColumn<int> _missingSegments;
    private readonly ValueColumn<bool> _completed;
    private readonly ValueColumn<int> _status;
    private readonly TextColumn _prp;
    private readonly ValueColumn<bool> _prpBreaks;
    private readonly TextColumn _effectKind;
    private readonly ValueColumn<long> _effectAt;
    private readonly TextColumn _effect;
    private readonly TextColumn _observedPrp;
    private readonly TextColumn _dataPointer;
    private readonly TextColumn _observedDataPointer;

    public CommandTable(TableBuffer table)
    {
        _table = table;
        _capture = new CaptureColumns(table);
        _model = table.Text("model");
        _sequence = table.Value<int>("command_sequence");
        _time = new TimeColumns(table, "time_ns", "time");
        _cpu = table.Value<int>("cpu");
        _device = table.Text("device");
        _disk = table.Text("disk");
        _queue = table.Value<int>("queue_id");
        _command = table.Value<int>("command_id");
        _opcode = table.Value<int>("opcode");
        _operation = table.Text("operation");
        _lba = table.Value<ulong>("lba");
        _blocks = table.Value<uint>("blocks");
        _segments = table.Value<int>("segments");
        _missingSegments = table.Value<int>("missing_segments");
        _completed = table.Value<bool>("completed");
        _status = table.Value<int>("status");
        _prp = table.Text("prp");
        _prpBreaks = table.Value<bool>("prp_breaks");
        _effectKind = table.Text("effect_kind");
        _effectAt = table.Value<long>("effect_at");
        _effect = table.Text("effect");
        _observedPrp = table.Text("observed_prp");
        _dataPointer = table.Text("data_pointer");
        _observedDataPointer = table.Text("observed_data_pointer");
    }

    /// <param name="models">Model names, in the order of <see cref="ReplayedMapping.Outcomes"/>.</param>
    /// <param name="sequence">The command's ordinal in its capture, in the order the replay meets commands: the key its
    /// segments carry in the <c>mappings</c> table.</param>
    public void Add(CaptureIdentity capture, IReadOnlyList<string> models, NvmeDataPaths paths, ReplayedCommand command, int sequence)
    {
        var device = command.Command.Device;
        var observed = CommandCheck.OfObserved(command, paths.ForObserved(device));
        for (var i = 0; i < models.Count; i++)
        {
            var model = i;
            _capture.Add(capture);
            _model.Add(models[i]);
            _sequence.Add(sequence);
            AddCommand(capture, command);
            var prps = CommandCheck.Of(command, segment => segment.Outcomes[model].BounceAddress, paths.ForModel(model, device));
            _prp.Add(Status(prps));
            _dataPointer.Add(prps.Verdict is { } judged ? SnakeCase.Of(judged.Pointer.Kind) : null);
            _prpBreaks.Add(prps.Verdict?.Breaks);
            AddEffect(prps.Verdict is { Breaks: true } verdict ? verdict : null, command.Command.Setup.Opcode);
            _observedPrp.Add(Status(observed));
            _observedDataPointer.Add(observed.Verdict is { } seen ? SnakeCase.Of(seen.Pointer.Kind) : null);
            _table.EndRow();
        }
    }

    /// <summary>The verdict's outcome, or why there is none (<c>sgl</c>, <c>segments_missing</c>, <c>no_data</c>, <c>no_address</c>).</summary>
    private static string Status(CommandCheck check) => check.Verdict is { } verdict ? SnakeCase.Of(verdict.Outcome) : SnakeCase.Of(check.Status);

    private void AddEffect(PrpVerdict? breaking, byte opcode)
    {
        _effectKind.Add(breaking is null ? null : SnakeCase.Of(PrpEffect.Kind(breaking, opcode)));
        _effectAt.Add(breaking is null ? null : PrpEffect.At(breaking, opcode));
        _effect.Add(breaking is null ? null : PrpEffect.Describe(breaking, opcode));
    }

    private void AddCommand(CaptureIdentity capture, ReplayedCommand replayed)
    {
        var command = replayed.Command;
        var setup = command.Setup;
        _time.Add(setup.Header.TimestampNs, capture);
        _cpu.Add(setup.Header.Cpu);
        _device.Add(command.Device);
        _disk.Add(setup.Disk);
        _queue.Add(setup.QueueId);
        _command.Add(setup.CommandId);
        _opcode.Add(setup.Opcode);
        _operation.Add(NvmeOperations.Name(setup.Opcode));
        _lba.Add(setup.Range?.StartLba);
        _blocks.Add(setup.Range?.BlockCount);
        _segments.Add(replayed.Segments.Count);
        _missingSegments.Add(replayed.MissingSegments);
        _completed.Add(command.Completion is not null);
        _status.Add(command.Completion?.Status);
    }
}
