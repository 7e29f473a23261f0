using Swiotlb.Trace.Replay.Pairing;

namespace Swiotlb.Trace.Replay.Inspection;

/// <summary>What the capture shows of one device's offsets across its bounced mappings.</summary>
public enum OffsetVerdict
{
    /// <summary>Every mapping with an in-page offset kept it in the bounce address.</summary>
    KeepsOffsets,
    /// <summary>At least one mapping lost its in-page offset.</summary>
    LosesOffsets,
    /// <summary>Bounce addresses were seen, but no mapping had an in-page offset to lose.</summary>
    NoOffsetSeen,
    /// <summary>The device bounced, but the capture never shows the bounce address.</summary>
    BounceAddressNotCaptured,
}

/// <summary>Tally of observed bounces of one device from one source.</summary>
public sealed class OffsetTally
{
    public long Mappings { get; private set; }
    public long WithPageOffset { get; private set; }
    public long OffsetsKept { get; private set; }
    public long OffsetsLost => WithPageOffset - OffsetsKept;

    public void Add(in ObservedBounce bounce)
    {
        Mappings++;
        if (bounce.PageOffset == 0)
            return;
        WithPageOffset++;
        if (bounce.PageOffsetKept)
            OffsetsKept++;
    }
}

/// <summary>One device seen in a capture.</summary>
public sealed class DeviceOffsets(string name)
{
    public string Name { get; } = name;

    /// <summary><c>swiotlb_bounced</c> events for this device.</summary>
    public long BouncedEvents { get; internal set; }

    public OffsetTally FromKprobes { get; } = new();
    public OffsetTally FromDmaEvents { get; } = new();

    /// <summary>The best source the capture has: the kprobes (the allocator's own answer) when present, else the dma events.</summary>
    public OffsetTally Observed => FromKprobes.Mappings > 0 ? FromKprobes : FromDmaEvents;

    public BounceSource? ObservedSource => FromKprobes.Mappings > 0 ? BounceSource.Kprobe : FromDmaEvents.Mappings > 0 ? BounceSource.DmaEvent : null;

    public bool Bounced => BouncedEvents > 0 || Observed.Mappings > 0;

    public OffsetVerdict Verdict => Observed switch
    {
        { Mappings: 0 } => OffsetVerdict.BounceAddressNotCaptured,
        { OffsetsLost: > 0 } => OffsetVerdict.LosesOffsets,
        { WithPageOffset: 0 } => OffsetVerdict.NoOffsetSeen,
        _ => OffsetVerdict.KeepsOffsets,
    };

    internal void Add(in ObservedBounce bounce) =>
        (bounce.Source == BounceSource.Kprobe ? FromKprobes : FromDmaEvents).Add(bounce);
}
