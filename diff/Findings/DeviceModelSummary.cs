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

    /// <summary>True when <paramref name="other"/> is the same device with the same offsets kept and lost, bucket for bucket
    /// (two models that treat it alike draw the same charts).</summary>
    public bool SameOffsetsAs(DeviceModelSummary other) =>
        Device == other.Device && ByBufferOffset.SameAs(other.ByBufferOffset) && BySizeClass.SameAs(other.BySizeClass);

    /// <summary>The rows with offsets to draw, rows of one device whose charts would be identical drawn once, with every
    /// model they stand for.</summary>
    public static IReadOnlyList<(DeviceModelSummary Row, IReadOnlyList<string> Models)> DistinctOffsetPanels(IEnumerable<DeviceModelSummary> rows)
    {
        var panels = new List<(DeviceModelSummary Row, List<string> Models)>();
        foreach (var row in rows.Where(r => r.WithPageOffset > 0))
        {
            if (panels.FirstOrDefault(p => p.Row.SameOffsetsAs(row)) is { Row: not null } same)
                same.Models.Add(row.Model);
            else
                panels.Add((row, [row.Model]));
        }
        return [.. panels.Select(p => (p.Row, (IReadOnlyList<string>)p.Models))];
    }
}
