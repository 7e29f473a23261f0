using Swiotlb.Trace.Cli.Export.Columns;
using Swiotlb.Trace.Diff.Findings;
using Swiotlb.Trace.Replay.Allocator;
using Swiotlb.Trace.Replay.Records;
using Swiotlb.Trace.Replay.Simulation;
using Swiotlb.Trace.Replay.Validation;

namespace Swiotlb.Trace.Cli.Export.Tables;

/// <summary>
/// The <c>mappings</c> table: one row per mapping and model, written once the mapping is released (or at the end of
/// the capture), so each row tells how its lifetime was known. The capture's own answer sits beside each model's.
/// </summary>
public sealed class MappingTable
{
    public const string Name = "mappings";

    private readonly TableBuffer _table;
    private readonly CaptureColumns _capture;
    private readonly TextColumn _model;
    private readonly ValueColumn<int> _sequence;
    private readonly TimeColumns _time;
    private readonly ValueColumn<int> _cpu;
    private readonly TextColumn _device;
    private readonly ValueColumn<ulong> _minAlignMask;
    private readonly ValueColumn<ulong> _original;
    private readonly ValueColumn<int> _pageOffset;
    private readonly ValueColumn<ulong> _size;
    private readonly TextColumn _direction;
    private readonly TextColumn _mapEvidence;
    private readonly ValueColumn<bool> _released;
    private readonly TextColumn _releaseEvidence;
    private readonly TimeColumns _releasedTime;
    private readonly ValueColumn<int> _commandSequence;
    private readonly TextColumn _observed;
    private readonly ValueColumn<ulong> _observedBounce;
    private readonly ValueColumn<bool> _observedOffsetKept;
    private readonly ValueColumn<bool> _observedMaskBroken;
    private readonly TextColumn _outcome;
    private readonly ValueColumn<ulong> _predictedBounce;
    private readonly ValueColumn<bool> _offsetKept;
    private readonly ValueColumn<bool> _maskBroken;
    private readonly ValueColumn<bool> _matchesObserved;
    private readonly ValueColumn<bool> _failed;
    private readonly ValueColumn<bool> _hang;
    private readonly ValueColumn<bool> _hangHazard;

    public MappingTable(TableBuffer table)
    {
        _table = table;
        _capture = new CaptureColumns(table);
        _model = table.Text("model");
        _sequence = table.Value<int>("sequence");
        _time = new TimeColumns(table, "time_ns", "time");
        _cpu = table.Value<int>("cpu");
        _device = table.Text("device");
        _minAlignMask = table.Address("min_align_mask");
        _original = table.Address("original_address");
        _pageOffset = table.Value<int>("page_offset");
        _size = table.Value<ulong>("size");
        _direction = table.Text("direction");
        _mapEvidence = table.Text("map_evidence");
        _released = table.Value<bool>("released");
        _releaseEvidence = table.Text("release_evidence");
        _releasedTime = new TimeColumns(table, "released_ns", "released_time");
        _commandSequence = table.Value<int>("command_sequence");
        _observed = table.Text("observed");
        _observedBounce = table.Address("observed_bounce");
        _observedOffsetKept = table.Value<bool>("observed_offset_kept");
        _observedMaskBroken = table.Value<bool>("observed_mask_broken");
        _outcome = table.Text("outcome");
        _predictedBounce = table.Address("predicted_bounce");
        _offsetKept = table.Value<bool>("offset_kept");
        _maskBroken = table.Value<bool>("mask_broken");
        _matchesObserved = table.Value<bool>("matches_observed");
        _failed = table.Value<bool>("failed");
        _hang = table.Value<bool>("hang");
        _hangHazard = table.Value<bool>("hang_hazard");
    }

    /// <param name="models">Model names, in the order of <see cref="ReplayedMapping.Outcomes"/>.</param>
    /// <param name="verdicts">Per model, <c>validate</c>'s verdict on each mapping (empty when the capture has no kernel answers).</param>
    /// <param name="release">The release the capture showed, null when it showed none before it ended.</param>
    /// <param name="command">The <c>command_sequence</c> of the NVMe command the mapping is a segment of, if any.</param>
    public void Add(CaptureIdentity capture, IReadOnlyList<string> models, IReadOnlyDictionary<string, SynchronisedVerdicts> verdicts,
        ReplayedMapping mapping, UnmapRecord? release, int? command)
    {
        for (var i = 0; i < models.Count; i++)
        {
            _capture.Add(capture);
            _model.Add(models[i]);
            AddMapping(capture, mapping, release);
            _commandSequence.Add(command);
            AddOutcome(mapping, mapping.Outcomes[i]);
            _matchesObserved.Add(verdicts.GetValueOrDefault(models[i])?.Matches(mapping.Record.Sequence));
            _table.EndRow();
        }
    }

    private void AddMapping(CaptureIdentity capture, ReplayedMapping mapping, UnmapRecord? release)
    {
        var record = mapping.Record;
        var device = record.Request.Device;
        _sequence.Add(record.Sequence);
        _time.Add(record.Window.Start, capture);
        _cpu.Add(record.Request.Cpu);
        _device.Add(record.DeviceName);
        _minAlignMask.Add(device.MinAlignMask);
        _original.Add(mapping.OriginalAddress);
        _pageOffset.Add((int)(mapping.OriginalAddress & OffsetRules.PageOffsetMask));
        _size.Add(mapping.Size);
        _direction.Add(SnakeCase.Of(record.Request.Direction));
        _mapEvidence.Add(SnakeCase.Of(record.Evidence));
        _released.Add(release is not null);
        _releaseEvidence.Add(release is null ? null : SnakeCase.Of(release.Evidence));
        _releasedTime.Add(release?.Window.Start, capture);
        _observed.Add(SnakeCase.Of(record.Observed.Kind));
        var observed = mapping.ObservedBounce;
        _observedBounce.Add(observed);
        _observedOffsetKept.Add(observed is { } o ? OffsetRules.PageOffsetKept(mapping.OriginalAddress, o) : null);
        _observedMaskBroken.Add(observed is { } b ? OffsetRules.BreaksDeviceMask(mapping.OriginalAddress, b, device) : null);
    }

    private void AddOutcome(ReplayedMapping mapping, ModelOutcome outcome)
    {
        var predicted = outcome.BounceAddress;
        _outcome.Add(SnakeCase.Of(outcome.Result.Outcome));
        _predictedBounce.Add(predicted);
        _offsetKept.Add(predicted is { } p ? OffsetRules.PageOffsetKept(mapping.OriginalAddress, p) : null);
        _maskBroken.Add(predicted is { } q ? OffsetRules.BreaksDeviceMask(mapping.OriginalAddress, q, mapping.Record.Request.Device) : null);
        _failed.Add(outcome.Result.Outcome is MapOutcome.PoolFull or MapOutcome.NoFit);
        _hang.Add(outcome.Result.Outcome == MapOutcome.EndlessSearch);
        _hangHazard.Add(outcome.Hazard);
    }
}
