using Swiotlb.Trace.Capture;
using Swiotlb.Trace.Events;

namespace Swiotlb.Trace.Replay.Inspection;

/// <summary>Everything <c>swiotrace inspect</c> reports about one capture.</summary>
public sealed record CaptureInspection(
    CaptureMetadata Metadata,
    ReadStatistics Statistics,
    long? FirstTimestampNs,
    long? LastTimestampNs,
    IReadOnlyList<int> CpusSeen,
    IReadOnlyDictionary<string, long> EventCounts,
    IReadOnlyDictionary<EventKind, long> KindCounts,
    IReadOnlyList<DeviceOffsets> Devices,
    IReadOnlyDictionary<string, long> NvmeCommandsByDisk,
    IReadOnlyDictionary<DeviceNumber, long> BlockRequestsByDevice,
    long UnpairedMapReturns,
    long FailedMaps);
