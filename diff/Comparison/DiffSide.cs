using Swiotlb.Trace.Diff.Findings;
using Swiotlb.Trace.Diff.Replaying;

namespace Swiotlb.Trace.Diff.Comparison;

/// <summary>
/// One side of a diff: a replayed capture and which of its results stand for it. Addresses (offsets, masks, PRPs) come
/// from the kernel's own answers when <see cref="AddressesObserved"/>, else from <see cref="Model"/>; failures, endless
/// searches and the pool peak always come from <see cref="Model"/>, since a capture does not show the pool's state.
/// </summary>
/// <param name="Why">Why this model stands for the side, for the report.</param>
public sealed record DiffSide(CaptureReplay Replay, ModelKey Model, bool AddressesObserved, string Why)
{
    public ModelKey AddressSource => AddressesObserved ? ModelKey.Observed : Model;

    public IEnumerable<string> DeviceNames => Replay.Summary.Devices.Select(d => d.Device).Distinct();

    public DeviceModelSummary? AddressRow(string device) => Row(device, AddressSource);

    public DeviceModelSummary? ModelRow(string device) => Row(device, Model);

    public Tally PeakPoolSlots => new(
        Replay.Summary.Run(Model).Occupancy.Extreme,
        Replay.Models.Single(m => m.Key == Model).Pool.Geometry.SlotCount);

    private DeviceModelSummary? Row(string device, ModelKey model) =>
        Replay.Summary.Devices.SingleOrDefault(d => d.Device == device && d.Model == model);
}
