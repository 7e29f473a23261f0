namespace Swiotlb.Trace.Diff.Nvme;

/// <summary>How swiotrace knows whether a controller takes SGLs.</summary>
public enum SglEvidence
{
    /// <summary>The user said so (<c>--nvme-sgl DEVICE=yes|no</c>).</summary>
    Declared,
    /// <summary>A command that only an SGL could have carried completed without error.</summary>
    ObservedCommand,
    /// <summary>Nothing in the capture shows it: PRPs only is assumed, and every report says so.</summary>
    Assumed,
}

/// <summary>What the driver's data-pointer choice depends on besides the segments: the controller's SGL support (a property
/// of each controller: QEMU's and most enterprise SSDs have it, many client SSDs do not) and the module's <c>sgl_threshold</c>.</summary>
public sealed record NvmeController(bool SupportsSgl, uint SglThreshold, SglEvidence Evidence)
{
    /// <summary><c>nvme.sgl_threshold</c>'s default: SZ_32K.</summary>
    public const uint DefaultSglThreshold = 32 * 1024;

    public static NvmeController AssumedPrpOnly { get; } = new(false, DefaultSglThreshold, SglEvidence.Assumed);
}
