using Swiotlb.Trace.Capture;
using Swiotlb.Trace.Cli.Input;
using Swiotlb.Trace.Replay.Allocator;
using Swiotlb.Trace.Replay.Validation;

namespace Swiotlb.Trace.Tests.Validation;

/// <summary><c>validate</c> of a capture as the CLI runs it (default model, no overrides unless given, no declared devices).</summary>
internal static class Validations
{
    public static CaptureValidation Of(string path, KernelFacts facts, PoolOverrides? pool = null)
    {
        using var reader = CaptureOpener.Open(path, TextWriter.Null);
        return Of(reader, facts, pool);
    }

    public static CaptureValidation Of(ICaptureReader reader, KernelFacts facts, PoolOverrides? pool = null) =>
        CaptureValidator.Validate(reader, facts, new ValidationOptions(null, pool ?? new PoolOverrides(), new Dictionary<string, DeviceDmaParameters>()));

    /// <summary><c>validate</c> of a copy of <paramref name="original"/> stripped of what states its pool (see
    /// <see cref="StrippedCaptures"/>), alone in a folder of its own, deleted afterwards.</summary>
    public static CaptureValidation OfStripped(string original, KernelFacts facts, Func<string, bool>? keepLine = null)
    {
        var stripped = StrippedCaptures.WithoutPoolStatements(original, keepLine);
        try
        {
            return Of(stripped, facts);
        }
        finally
        {
            StrippedCaptures.Remove(stripped);
        }
    }
}
