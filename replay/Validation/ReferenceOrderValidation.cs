using Swiotlb.Trace.Capture;
using Swiotlb.Trace.Replay.Allocator;
using Swiotlb.Trace.Replay.Records;

namespace Swiotlb.Trace.Replay.Validation;

/// <summary>
/// Validation of a named model that may not be the capture's kernel: the kernel's own model is validated first, and the
/// order it finds for each group of overlapping events (the order the events happened in) is the order the named model
/// replays them in (<see cref="ReplaySynchroniser.ReferenceOrder"/>). Searching the orders for a model that is not the
/// kernel's would only find coincidences: answers that model gives in an order that did not happen.
/// </summary>
public static class ReferenceOrderValidation
{
    /// <param name="open">Opens the capture afresh: once when no model is named or the named one is the kernel's, else twice.</param>
    /// <returns>The validation and what its reader counted.</returns>
    public static (CaptureValidation Validation, ReadStatistics Reading) Validate(Func<ICaptureReader> open, KernelFacts facts, ValidationOptions options)
    {
        if (options.Model is null)
            return Once(open, facts, options, reordered: null);
        var requested = ModelRegistry.Resolve(options.Model, $"unknown model '{options.Model}'").Name;
        if (OwnGeneration(open, facts) == requested)
            return Once(open, facts, options, reordered: null);
        var order = new ReplayOrder();
        (CaptureValidation Validation, ReadStatistics Reading) own;
        try
        {
            own = Once(open, facts, options with { Model = null }, order.Record);
        }
        catch (UnknownCaptureKernelException)
        {
            return Once(open, facts, options, reordered: null);
        }
        return own.Validation.Model == requested
            ? Once(open, facts, options, reordered: null)
            : Once(open, facts, options with { ReferenceOrder = order.Ranks }, reordered: null);
    }

    /// <summary>The generation of the kernel the capture names (beside it or in its metadata), or null.</summary>
    private static string? OwnGeneration(Func<ICaptureReader> open, KernelFacts facts)
    {
        var release = facts.Release;
        if (release is null)
        {
            using var reader = open();
            release = reader.Metadata.KernelRelease;
        }
        return release is not null && ModelRegistry.TryResolve(release, out var generation) ? generation.Name : null;
    }

    private static (CaptureValidation, ReadStatistics) Once(Func<ICaptureReader> open, KernelFacts facts, ValidationOptions options,
        Action<IReadOnlyList<ReplayRecord>>? reordered)
    {
        using var reader = open();
        return (CaptureValidator.Validate(reader, facts, options, reordered: reordered), reader.Statistics);
    }
}

/// <summary>The groups a validation replayed in another order than their timestamps': record sequence → rank, for the
/// reordered records only (what it keeps grows with the reordering, not with the capture).</summary>
public sealed class ReplayOrder
{
    private readonly Dictionary<int, int> _ranks = [];

    public IReadOnlyDictionary<int, int> Ranks => _ranks;

    public void Record(IReadOnlyList<ReplayRecord> reorderedGroup)
    {
        foreach (ReplayRecord record in reorderedGroup)
            _ranks.TryAdd(record.Sequence, _ranks.Count);
    }
}
