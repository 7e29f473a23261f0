using Swiotlb.Trace.Capture;
using Swiotlb.Trace.Diff.Findings;
using Swiotlb.Trace.Diff.Replaying;
using Swiotlb.Trace.Replay.Allocator;

namespace Swiotlb.Trace.Diff.Comparison;

/// <summary>A capture to compare: how to open it and what the files beside it say about its kernel.</summary>
public sealed record CaptureInput(Func<ICaptureReader> Open, KernelFacts Facts);

/// <summary>
/// Two captures, e.g. of one workload before and after a kernel upgrade. Their mappings cannot be matched one by one
/// (times, addresses and splits differ), so each is replayed on its own and judged under its own kernel, and the
/// aggregated results are compared per device, matched by name.
/// </summary>
public static class CaptureDiffer
{
    public static DiffReport Run(CaptureInput baseline, CaptureInput candidate, ReplayRequest request)
    {
        var before = Side(baseline, request);
        var after = Side(candidate, request);
        string[] pairing =
        [
            $"two captures: {before.Replay.Metadata.File} is the baseline, {after.Replay.Metadata.File} the candidate",
            "mappings cannot be matched across captures, so devices are matched by name and their aggregated results compared",
            "each capture is judged under its own kernel: the kernel's own bounce addresses where the capture has them, else the model of its kernel; " +
            "failures, endless searches and the pool peak come from that model",
            "a share (lost of with offset, broken of checked, …) that rises is a regression, one that falls a fix; the same share over another volume is neutral",
        ];
        return new DiffReport(pairing, before, after, AggregateComparer.Compare(before, after), Transitions: null);
    }

    private static DiffSide Side(CaptureInput input, ReplayRequest request)
    {
        var replay = CaptureReplayer.Run(input.Open, input.Facts, request with { Models = [] });
        var release = input.Facts.Release ?? replay.Metadata.KernelRelease;
        var (model, why) = release is not null && ModelRegistry.TryResolve(release, out var own)
            ? (own.Name, $"the capture's kernel {release}")
            : (CaptureReplayer.Newest, "the newest model: the capture does not name its kernel");
        return new DiffSide(replay, ModelKey.Of(model), replay.Summary.HasObservedAddresses, why);
    }
}
