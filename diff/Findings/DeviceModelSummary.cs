namespace Swiotlb.Trace.Diff.Findings;

/// <summary>One device under one model (or under the real kernel, from the observed addresses).</summary>
public sealed class DeviceModelSummary(string device, string model)
{
    public string Device { get; } = device;
    public string Model { get; } = model;
    public long Mappings { get; internal set; }
    public long WithPageOffset { get; internal set; }
    public long OffsetsLost { get; internal set; }
    public long MaskViolations { get; internal set; }
    public long Failures { get; internal set; }
    public long EndlessSearches { get; internal set; }
    public long Hazards { get; internal set; }
    public long CommandsChecked { get; internal set; }
    public long CommandsBroken { get; internal set; }

    /// <summary>Bytes of the mappings that lost their in-page offset.</summary>
    public ulong BytesAffected { get; internal set; }

    public OffsetHistogram ByBufferOffset { get; } = new();
    public OffsetHistogram BySizeClass { get; } = new();
}
