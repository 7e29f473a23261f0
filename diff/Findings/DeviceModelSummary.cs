using Swiotlb.Trace.Diff.Findings.Rules;

namespace Swiotlb.Trace.Diff.Findings;

/// <summary>One device under one model (or under the real kernel, from the observed addresses).</summary>
public sealed class DeviceModelSummary(string device, ModelKey model)
{
    public string Device { get; } = device;
    public ModelKey Model { get; } = model;
    public long Mappings { get; internal set; }
    public long WithPageOffset { get; internal set; }
    public long OffsetsLost { get; internal set; }
    private readonly long[] _findings = new long[FindingRules.All.Count];

    /// <summary>True for the row of the kernel's own addresses, from the capture.</summary>
    public bool IsObserved => Model.IsObserved;

    public long Hazards { get; internal set; }
    public long CommandsChecked { get; internal set; }

    /// <summary>Commands checked whose data pointer breaks under this row's addresses, whichever rule reports them.</summary>
    public long CommandsBroken { get; internal set; }

    /// <summary>Findings of one kind on this row: counted wherever the rule looks, failing a run only where it
    /// <see cref="FindingRule.Checks"/>.</summary>
    public long Findings(FindingRule rule) => _findings[rule.Index];

    internal void Found(FindingRule rule) => _findings[rule.Index]++;

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
    public static IReadOnlyList<(DeviceModelSummary Row, IReadOnlyList<ModelKey> Models)> DistinctOffsetPanels(IEnumerable<DeviceModelSummary> rows)
    {
        var panels = new List<(DeviceModelSummary Row, List<ModelKey> Models)>();
        foreach (var row in rows.Where(r => r.WithPageOffset > 0))
        {
            if (panels.FirstOrDefault(p => p.Row.SameOffsetsAs(row)) is { Row: not null } same)
                same.Models.Add(row.Model);
            else
                panels.Add((row, [row.Model]));
        }
        return [.. panels.Select(p => (p.Row, (IReadOnlyList<ModelKey>)p.Models))];
    }
}
