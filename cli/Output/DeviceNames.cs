using Swiotlb.Trace.Diff.Replaying;

namespace Swiotlb.Trace.Cli.Output;

/// <summary>A device as people know it: its PCI address with the driver that bound it (from the kernel log beside the
/// capture) and the disks its NVMe commands named, e.g. <c>0000:00:04.0 (nvme: nvme0n1)</c>.</summary>
public static class DeviceNames
{
    /// <summary>The driver and disks, or null when the capture tells neither.</summary>
    public static string? Of(CaptureReplay replay, string device)
    {
        var driver = replay.DeviceDrivers.GetValueOrDefault(device);
        var disks = replay.Summary.DisksByDevice.GetValueOrDefault(device) ?? [];
        return (driver, disks.Count) switch
        {
            (null, 0) => null,
            (null, _) => string.Join(", ", disks),
            (_, 0) => driver,
            _ => $"{driver}: {string.Join(", ", disks)}",
        };
    }

    /// <summary>The device with its name in brackets, or the device alone.</summary>
    public static string Label(CaptureReplay replay, string device) =>
        Of(replay, device) is { } name ? $"{device} ({name})" : device;
}
